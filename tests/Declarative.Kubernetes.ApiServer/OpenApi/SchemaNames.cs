using System.Globalization;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.OpenApi;

/// <summary>Names as the API server's OpenAPI uses them: schema names (io.k8s.api.apps.v1.Deployment), operation id
/// parts (AppsV1) and tags (apps_v1).</summary>
public static class SchemaNames
{
    public const string Meta = "io.k8s.apimachinery.pkg.apis.meta.v1.";

    public static string Of(string group, string version, string kind) => group switch
    {
        "" => $"io.k8s.api.core.{version}.{kind}",
        "apiextensions.k8s.io" => $"io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.{version}.{kind}",
        "apiregistration.k8s.io" => $"io.k8s.kube-aggregator.pkg.apis.apiregistration.{version}.{kind}",
        _ when group.EndsWith(".k8s.io", StringComparison.Ordinal) || !group.Contains('.', StringComparison.Ordinal) =>
            $"io.k8s.api.{group.Split('.')[0]}.{version}.{kind}",
        _ => $"{string.Join('.', group.Split('.').Reverse())}.{version}.{kind}",
    };

    public static string Of(ApiResource resource) => Of(resource.Group, resource.Version, resource.Kind);

    public static string Reference(string schemaName) => "#/components/schemas/" + schemaName;

    /// <summary>"CoreV1", "AppsV1", "RbacAuthorizationV1".</summary>
    public static string OperationGroup(string group, string version)
    {
        var words = group.Length == 0 ? ["core"] : group.Replace(".k8s.io", "", StringComparison.Ordinal).Split('.');
        return string.Concat(words.Append(version).Select(Capitalize));
    }

    public static string Tag(string group, string version)
    {
        var name = OperationGroup(group, "");
        return $"{char.ToLower(name[0], CultureInfo.InvariantCulture)}{name[1..]}_{version}";
    }

    private static string Capitalize(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
