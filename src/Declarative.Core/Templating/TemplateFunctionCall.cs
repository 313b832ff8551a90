using Declarative.Core.Diagnostics;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Declarative.Core.Templating;

/// <summary>One call of a <see cref="TemplateFunction"/>: its arguments in order (a piped value first), and what
/// the functions share to check them.</summary>
internal sealed record TemplateFunctionCall(TemplateFunction Function, StrictTemplateContext Context, ScriptNode? Caller, ScriptArray Arguments)
{
    public int Count => Arguments.Count;

    public object? this[int index] => Arguments[index];

    /// <summary>True when the call takes a piped value, <c>value | f ...</c>, which comes first.</summary>
    public bool IsPiped => PipedValue(Caller) is not null;

    /// <summary>The expression written for the first argument, as in <c>values.db.password</c>, when there is one.</summary>
    public string? FirstArgumentText
    {
        get
        {
            var first = PipedValue(Caller) ?? (Caller is ScriptFunctionCall { Arguments.Count: > 0 } call ? call.Arguments[0] : null);
            var text = Context.Locator.TextOf(first);
            return text.Length == 0 ? null : text;
        }
    }

    /// <summary>Undefined, null or the empty string: what <c>default</c> replaces and <c>required</c> rejects.</summary>
    public static bool IsEmpty(object? value) => value is null or UndefinedValue or NullValue or "";

    /// <summary>A value a function cannot work on and passes on, so that printing it reports the real cause.</summary>
    public static bool IsUnusable(object? value) => value is UndefinedValue or TemplateFailure;

    /// <summary>
    /// The expression piped into <paramref name="caller"/>. Scriban nests pipes to the right (<c>a | b | c</c> is
    /// <c>a | (b | c)</c>) and hands each destination the value of the expression before it: the From of the
    /// nearest enclosing pipe whose To holds the caller.
    /// </summary>
    private static ScriptExpression? PipedValue(ScriptNode? caller)
    {
        for (var (node, parent) = (caller, caller?.Parent); parent is ScriptPipeCall pipe; (node, parent) = (parent, parent.Parent))
        {
            if (ReferenceEquals(pipe.To, node))
            {
                return pipe.From;
            }
        }

        return null;
    }

    public TemplateFailure WrongCount() =>
        new(
            DiagnosticCodes.TemplateHelperFailed,
            "Template function called wrongly",
            $"`{Function.Name}` was called with {Count} argument{(Count == 1 ? string.Empty : "s")}, which it does not accept.",
            $"Call it as {Function.Usage}.");

    public TemplateFailure Invalid(string problem) =>
        new(DiagnosticCodes.TemplateHelperFailed, "Template function called wrongly", problem, $"Call it as {Function.Usage}.");
}
