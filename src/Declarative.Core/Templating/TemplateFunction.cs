using Scriban.Runtime;
using Scriban.Syntax;
using ScribanContext = Scriban.TemplateContext;

namespace Declarative.Core.Templating;

/// <summary>
/// One of our functions (DESIGN "Values and templating"), callable as <c>f a b</c> or as a pipe, <c>a | f b</c>.
/// It takes any number of arguments as they are (undefined values included) and checks them itself, so a wrong
/// call becomes a <see cref="TemplateFailure"/> reported where it is printed, with the right usage. Stateless:
/// one instance serves every render and thread.
/// </summary>
internal sealed class TemplateFunction(string name, string usage, Func<TemplateFunctionCall, object?> body) : IScriptCustomFunction
{
    public string Name => name;

    public string Usage => usage;

    public int RequiredParameterCount => 0;

    public int ParameterCount => 0;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.Direct;

    public Type ReturnType => typeof(object);

    public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value");

    public object? Invoke(ScribanContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        body(new TemplateFunctionCall(this, (StrictTemplateContext)context, callerContext, arguments));

    public ValueTask<object?> InvokeAsync(ScribanContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        ValueTask.FromResult(Invoke(context, callerContext, arguments, blockStatement));
}
