using Declarative.Core.Diagnostics;
using HandlebarsDotNet;

namespace Declarative.Core.Templating;

/// <summary>What the helpers share: how they recognise missing values and report being called wrongly.</summary>
internal static class HelperArguments
{
    /// <summary>Undefined, null or the empty string: what <c>default</c> replaces and <c>required</c> rejects.</summary>
    public static bool IsEmpty(object? value) => value is null or UndefinedBindingResult or "";

    /// <summary>A value a helper cannot work on and passes on, so that printing it reports the real cause.</summary>
    public static bool IsUnusable(object? value) => value is UndefinedBindingResult or TemplateFailure;

    public static TemplateFailure Misuse(string helper, string usage, int count) =>
        new(
            DiagnosticCodes.TemplateHelperFailed,
            $"`{helper}` was called with {count} argument{(count == 1 ? string.Empty : "s")}, which it does not accept.",
            $"Call it as `{usage}`.");

    public static TemplateFailure Invalid(string problem, string usage) =>
        new(DiagnosticCodes.TemplateHelperFailed, problem, $"Call it as `{usage}`.");
}
