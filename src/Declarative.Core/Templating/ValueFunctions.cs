using Declarative.Core.Diagnostics;

namespace Declarative.Core.Templating;

/// <summary>The functions that choose a value: default, required and envVar.</summary>
internal static class ValueFunctions
{
    public static object? Default(TemplateFunctionCall call)
    {
        if (call.Count != 2)
        {
            return call.WrongCount();
        }

        var value = call[0];
        return value is not TemplateFailure && TemplateFunctionCall.IsEmpty(value) ? call[1] : value;
    }

    public static object? Required(TemplateFunctionCall call)
    {
        if (call.Count != 2)
        {
            return call.WrongCount();
        }

        if (call[1] is not string message)
        {
            return call.Invalid("`required` needs the message to show as a quoted string after the value.");
        }

        var value = call[0];
        if (value is TemplateFailure || !TemplateFunctionCall.IsEmpty(value))
        {
            return value;
        }

        var state = call.FirstArgumentText is { } written ? $"`{written}` is undefined, null or empty." : "The value is undefined, null or empty.";
        return new TemplateFailure(
            DiagnosticCodes.RequiredValueMissing,
            "Required value is missing",
            message,
            state,
            "Set the value in values.yaml, in the environment's values file or with --set.");
    }

    public static object? EnvironmentVariable(TemplateFunctionCall call)
    {
        if (call.Count is not (1 or 2))
        {
            return call.WrongCount();
        }

        if (call[0] is not string name)
        {
            return TemplateFunctionCall.IsUnusable(call[0]) ? call[0] : call.Invalid("`envVar` needs the variable's name as a quoted string.");
        }

        if (call.Context.EnvironmentVariables.TryGetValue(name, out var found))
        {
            return found;
        }

        return call.Count == 2
            ? call[1]
            : new TemplateFailure(
                DiagnosticCodes.TemplateHelperFailed,
                "Environment variable is not set",
                $"The environment variable {name} is not set.",
                $"Set {name} in the environment that runs decl, or give a fallback: {{{{ envVar \"{name}\" \"value\" }}}}.");
    }
}
