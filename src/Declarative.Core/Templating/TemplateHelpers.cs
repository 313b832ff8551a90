using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using HandlebarsDotNet;

namespace Declarative.Core.Templating;

/// <summary>
/// The helpers of DESIGN "Values and templating". Each returns a value (never throws): the result, the undefined
/// value it was given, or a <see cref="TemplateFailure"/> that reports itself where it is printed.
/// </summary>
internal static class TemplateHelpers
{
    /// <summary>The key under which a render passes its environment variables as Handlebars data.</summary>
    public const string EnvironmentVariablesKey = "declarativeEnvironmentVariables";

    public static readonly ImmutableArray<string> Names =
        ["default", "required", "toYaml", "indent", "nindent", "b64enc", "quote", "envVar"];

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal) || name == "lookup";

    public static void Register(IHandlebars handlebars)
    {
        handlebars.RegisterHelper("default", Default);
        handlebars.RegisterHelper("required", Required);
        handlebars.RegisterHelper("envVar", EnvironmentVariable);
        handlebars.RegisterHelper("toYaml", TextHelpers.ToYaml);
        handlebars.RegisterHelper("indent", TextHelpers.Indent);
        handlebars.RegisterHelper("nindent", TextHelpers.NewlineIndent);
        handlebars.RegisterHelper("b64enc", TextHelpers.Base64Encode);
        handlebars.RegisterHelper("quote", TextHelpers.Quote);
    }

    private static object? Default(in HelperOptions options, in Context context, in Arguments arguments)
    {
        if (arguments.Length != 2)
        {
            return HelperArguments.Misuse("default", "default VALUE FALLBACK", arguments.Length);
        }

        var value = arguments[0];
        if (value is TemplateFailure)
        {
            return value;
        }

        return HelperArguments.IsEmpty(value) ? arguments[1] : value;
    }

    private static object? Required(in HelperOptions options, in Context context, in Arguments arguments)
    {
        if (arguments.Length != 2 || arguments[1] is not string message)
        {
            return HelperArguments.Misuse("required", "required VALUE \"message\"", arguments.Length);
        }

        var value = arguments[0];
        if (value is TemplateFailure || !HelperArguments.IsEmpty(value))
        {
            return value;
        }

        return new TemplateFailure(
            DiagnosticCodes.RequiredValueMissing,
            message,
            "Set the value in values.yaml, in the environment's values file or with --set.");
    }

    private static object? EnvironmentVariable(in HelperOptions options, in Context context, in Arguments arguments)
    {
        const string Usage = "envVar \"NAME\" or envVar \"NAME\" \"fallback\"";
        if (arguments.Length is not (1 or 2))
        {
            return HelperArguments.Misuse("envVar", Usage, arguments.Length);
        }

        if (arguments[0] is not string name)
        {
            return HelperArguments.Invalid("`envVar` needs the variable's name as a quoted string.", Usage);
        }

        var variables = options.Data[EnvironmentVariablesKey] as IReadOnlyDictionary<string, string>;
        if (variables is not null && variables.TryGetValue(name, out var found))
        {
            return found;
        }

        return arguments.Length == 2
            ? arguments[1]
            : new TemplateFailure(
                DiagnosticCodes.TemplateHelperFailed,
                $"The environment variable {name} is not set.",
                $"Set {name} in the environment that runs decl, or give a fallback: {{{{envVar \"{name}\" \"value\"}}}}.");
    }
}
