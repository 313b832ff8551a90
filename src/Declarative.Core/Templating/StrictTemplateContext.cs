using System.Collections;
using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using ScribanContext = Scriban.TemplateContext;

namespace Declarative.Core.Templating;

/// <summary>
/// The Scriban context of one render, locked down and strict as DESIGN "Values and templating" says. Undefined
/// variables and members become <see cref="UndefinedValue"/> instead of null (Scriban's StrictVariables covers
/// variables only, and throws at the first one): printing one is reported with its path, every one of them in the
/// run; <c>if</c> sees it as false, <c>??</c> and <c>default</c> as missing, <c>for</c> as an empty list. Limits
/// throw instead of cutting the output. Text goes to a <see cref="MappedOutput"/>, which keeps the line map.
/// </summary>
internal sealed partial class StrictTemplateContext : ScribanContext
{
    /// <summary>Iterations of all the loops of a render together (Scriban counts nested loops together).</summary>
    public const int LoopIterationLimit = 100_000;

    /// <summary>Characters of one rendered file, and of any one string a template builds.</summary>
    public const int TextLimit = 1_048_576;

    /// <summary>Nested calls of the template's own functions.</summary>
    public const int CallDepthLimit = 100;

    private readonly MappedOutput _output;
    private readonly TemplateProblems _problems;
    private ScriptExpressionStatement? _evaluating;
    private ScriptExpressionStatement? _evaluated;

    public StrictTemplateContext(
        MappedOutput output,
        TemplateProblems problems,
        TemplateContext values,
        CancellationToken cancellationToken)
        : base(new ScriptObject(), StringComparer.Ordinal)
    {
        _output = output;
        _problems = problems;
        EnvironmentVariables = values.EnvironmentVariables;
        StrictVariables = false;
        EnableRelaxedMemberAccess = true;
        EnableRelaxedTargetAccess = true;
        EnableRelaxedIndexerAccess = true;
        EnableRelaxedFunctionAccess = false;
        AutoIndent = false;
        NewLine = "\n";
        LoopLimit = LoopIterationLimit;
        RecursiveLimit = CallDepthLimit;
        LimitToString = TextLimit;
        OnStringLimit = ScriptLimitBehavior.Throw;
        OutputLimit = TextLimit;
        OnOutputLimit = ScriptLimitBehavior.Throw;
        CancellationToken = cancellationToken;
        TryGetVariable = UndefinedVariable;
        TryGetMember = UndefinedMember;
        PushOutput(output);
        PushGlobal(Globals(values));
    }

    public TemplateLocator Locator => _problems.Locator;

    /// <summary>The process environment that <c>envVar</c> reads (injected, so tests need no real variables).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables { get; }

    public override ScribanContext Write(SourceSpan span, object? textAsObject)
    {
        var printed = _evaluated?.Span ?? span;
        switch (textAsObject)
        {
            case UndefinedValue undefined:
                _problems.Undefined(undefined, printed.Start.Offset, Locator.TextOf(_evaluated), isPrinted: true);
                break;
            case TemplateFailure failure:
                _problems.Failure(failure, printed.Start.Offset);
                break;
            case null or NullValue:
                break;
            default:
                _output.GeneratedLine = Locator.LineOf(printed.Start.Offset);
                Write(TemplateText.Of(textAsObject));
                break;
        }

        return this;
    }

    public override string? ObjectToString(object? value, bool nested = false)
    {
        switch (value)
        {
            case UndefinedValue or TemplateFailure:
                Report(value);
                return nested ? "null" : null;
            case NullValue:
                return nested ? "null" : null;
            case not null when !nested && TemplateText.IsStructured(value):
                return TemplateText.ToJson(value);
            default:
                return base.ObjectToString(value, nested);
        }
    }

    /// <summary>As in Helm: false, 0, the empty string, an empty list or map, null and undefined are false.</summary>
    public override bool ToBool(SourceSpan span, object? value) => value switch
    {
        null or StandIn => false,
        bool flag => flag,
        string text => text.Length > 0,
        int or long or decimal or double or float => Convert.ToDouble(value, CultureInfo.InvariantCulture) != 0,
        ICollection collection => collection.Count > 0,
        _ => base.ToBool(span, value),
    };

    public override object? ToObject(SourceSpan span, object? value, Type destinationType)
    {
        if (value is not StandIn standIn)
        {
            return base.ToObject(span, value, destinationType);
        }

        if (destinationType.IsInstanceOfType(standIn))
        {
            return standIn;
        }

        // A built-in function (string.*, math.*) cannot work on what is not there: report it here.
        Report(standIn);
        return base.ToObject(span, null, destinationType);
    }

    public override object? IsEmpty(SourceSpan span, object? against) =>
        against is StandIn ? true : base.IsEmpty(span, against);

    protected override IObjectAccessor? GetMemberAccessorImpl(object target) =>
        target is StandIn ? StandInAccessor.Instance : base.GetMemberAccessorImpl(target);

    protected override IListAccessor? GetListAccessorImpl(object target, Type type) =>
        target is ValueList ? ValueListAccessor.Instance : base.GetListAccessorImpl(target, type);

    protected override bool OnStepLoop(ScriptLoopStatementBase loop)
    {
        CheckAbort();
        return base.OnStepLoop(loop);
    }

    private static ScriptObject Globals(TemplateContext values)
    {
        var globals = new ScriptObject(TemplateFunctions.All.Count + 8, StringComparer.Ordinal);
        foreach (var (name, function) in TemplateFunctions.All)
        {
            globals.SetValue(name, function, readOnly: true);
        }

        TemplateValues.AddRoot(globals, values);
        return globals;
    }

    private static bool UndefinedVariable(ScribanContext context, SourceSpan span, ScriptVariable variable, out object? value)
    {
        value = new UndefinedValue(variable.Name);
        return true;
    }

    private static bool UndefinedMember(ScribanContext context, SourceSpan span, object target, string member, out object? value)
    {
        value = new UndefinedValue(target switch
        {
            ValueMap map => ValuePaths.Member(map.Path, member),
            ValueList list => ValuePaths.Member(list.Path, member),
            _ => member,
        });
        return true;
    }

    private void Report(object standIn)
    {
        var at = (_evaluating?.Span ?? CurrentSpan).Start.Offset;
        if (standIn is UndefinedValue undefined)
        {
            _problems.Undefined(undefined, at, Locator.TextOf(_evaluating), isPrinted: false);
        }
        else if (standIn is TemplateFailure failure)
        {
            _problems.Failure(failure, at);
        }
    }
}
