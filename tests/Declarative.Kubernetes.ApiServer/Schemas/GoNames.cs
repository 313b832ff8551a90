using System.Text.RegularExpressions;

namespace Declarative.Kubernetes.ApiServer.Schemas;

/// <summary>Go type names as encoding/json prints them in UnmarshalTypeError, from the schema file's names
/// (KubernetesClient's V1DeploymentSpec is package v1, type DeploymentSpec).</summary>
internal static partial class GoNames
{
    public static string Qualified(string schemaName)
    {
        var match = VersionPrefix().Match(schemaName);
        return match.Success ? $"{match.Groups[1].Value.ToLowerInvariant()}.{match.Groups[2].Value}" : schemaName;
    }

    public static string Unqualified(string schemaName)
    {
        var match = VersionPrefix().Match(schemaName);
        return match.Success ? match.Groups[2].Value : schemaName;
    }

    /// <summary>The Go type of a type expression. Integers are printed as int32, the width of most Kubernetes
    /// integer fields; the schema file does not say which are int64.</summary>
    public static string OfExpression(string expression) => expression switch
    {
        "string" or "date-time" => "string",
        "integer" => "int32",
        "number" => "float64",
        "boolean" => "bool",
        "byte" => "[]uint8",
        "int-or-string" => "intstr.IntOrString",
        "quantity" => "resource.Quantity",
        "raw" => "interface {}",
        _ when expression.StartsWith('[') => "[]" + OfExpression(expression[1..]),
        _ when expression.StartsWith('{') => "map[string]" + OfExpression(expression[1..]),
        _ => Qualified(expression),
    };

    [GeneratedRegex("^(V[0-9]+(?:alpha[0-9]+|beta[0-9]+)?)([A-Z].*)$")]
    private static partial Regex VersionPrefix();
}
