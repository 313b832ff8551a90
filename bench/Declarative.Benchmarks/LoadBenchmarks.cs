using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Declarative.Core.Manifests;
using Declarative.Core.Operations;
using Declarative.Providers.Docker.Catalog;
using Declarative.Providers.Kubernetes.Catalog;

namespace Declarative.Benchmarks;

/// <summary>
/// The offline front half (load, template, resolve, graph) of a templated project with N Deployments, each with
/// a ConfigMap and a Service, all in one namespace: what `decl validate --env dev` costs before any network.
/// </summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private string _root = string.Empty;
    private LoadOperation _operation = null!;

    [Params(100, 1000)]
    public int Apps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "decl-bench-" + Apps.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(_root, "manifests"));
        File.WriteAllText(Path.Combine(_root, "declarative.yaml"), "apiVersion: declarative.dev/v1\nkind: Project\nmetadata: {name: bench}\nspec:\n  values: values.yaml\n  environments:\n    dev: {kubernetes: {namespace: bench}}\n");
        File.WriteAllText(Path.Combine(_root, "values.yaml"), "replicas: 2\nimage: registry.example/app:1.0\n");
        for (var i = 0; i < Apps; i++)
        {
            File.WriteAllText(Path.Combine(_root, "manifests", $"app{i:D4}.yaml"), App(i));
        }

        _operation = new LoadOperation([new DockerKindCatalog(), new KubernetesKindCatalog()], new Dictionary<string, string>());
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public int ValidateEnvironment()
    {
        var result = _operation.Validate(new LoadRequest(_root, _root, "dev", [], []));
        return result.HasErrors ? throw new InvalidOperationException(result.Diagnostics[0].Summary) : result.Value[0].Resources.Length;
    }

    private static string App(int i) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app{i}-config\ndata:\n  MODE: \"{{{{env.name}}}}\"\n---\n")
        .Append(CultureInfo.InvariantCulture, $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app{i}\n  labels: {{app: app{i}}}\nspec:\n  replicas: {{{{values.replicas}}}}\n  selector:\n    matchLabels: {{app: app{i}}}\n  template:\n    metadata:\n      labels: {{app: app{i}}}\n    spec:\n      containers:\n      - name: web\n        image: \"{{{{values.image}}}}\"\n        envFrom:\n        - configMapRef: {{name: app{i}-config}}\n        ports:\n        - containerPort: 8080\n---\n")
        .Append(CultureInfo.InvariantCulture, $"apiVersion: v1\nkind: Service\nmetadata:\n  name: app{i}\nspec:\n  selector: {{app: app{i}}}\n  ports:\n  - port: 80\n    targetPort: 8080\n")
        .ToString();
}
