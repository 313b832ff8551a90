using Declarative.Cli.Tests;
using Declarative.Testing;

namespace Declarative.Reliability.Tests.BadInput;

/// <summary>
/// Broken inputs only a Kubernetes schema can see (a misspelt built-in kind, a field of the wrong type, a ConfigMap
/// over the 1 MiB object limit): `decl validate` answered them "0 errors" when the suite was written. Offline schema
/// validation (Providers.Kubernetes Catalog and Schemas) is being built separately; these turn on with it.
/// </summary>
public sealed class KubernetesSchemaTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "misspelt built-in kind", "apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: x\n", "manifests/x.yaml:2:7:" },
        { "kind of our own group", "apiVersion: declarative.dev/v1\nkind: Imgae\nmetadata:\n  name: x\n", "manifests/x.yaml:" },
        { "replicas as a map", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: {n: 2}\n  selector: {matchLabels: {app: x}}\n  template:\n    metadata: {labels: {app: x}}\n    spec:\n      containers: [{name: x, image: nginx}]\n", "manifests/x.yaml:6:13:" },
        { "ConfigMap data as a list", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: [1, 2]\n", "manifests/x.yaml:5:7:" },
        { "ConfigMap over 1 MiB", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  v: " + new string('x', ManifestMutator.HugeScalarLength) + "\n", "manifests/x.yaml:" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_schema_error_is_a_located_DCL_error(string name, string manifest, string expected)
    {
        var files = BaseProject.Files().ToDictionary(f => f.Key, f => System.Text.Encoding.UTF8.GetString(f.Value), StringComparer.Ordinal);
        files["manifests/x.yaml"] = manifest;
        using var dir = new TempDirectory(files);

        var result = await CliRunner.RunAsync(dir.Root, "validate");

        Assert.True(result.ExitCode == 1, $"{name}: exit code {result.ExitCode}\n{result.All}");
        Assert.Contains("error: " + expected, result.Stdout, StringComparison.Ordinal);
    }
}
