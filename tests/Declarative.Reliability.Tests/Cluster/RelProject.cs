using System.Globalization;

namespace Declarative.Reliability.Tests.Cluster;

/// <summary>
/// Project `rel`, environment dev, 50 objects with dependencies: Namespaces rel-dev and rel-jobs, 27 ConfigMaps, 8
/// Secrets (values <see cref="SecretValue"/>), 6 Deployments each depending on its ConfigMap, 6 Services and a Job in
/// rel-jobs that depends on the Secrets there. What the kill trials, the faults and the leak scan apply.
/// </summary>
internal static class RelProject
{
    public const string Name = "rel";
    public const string Namespace = "rel-dev";
    public const string JobsNamespace = "rel-jobs";
    public const int Objects = 50;

    /// <summary>Every Secret's value starts with this, so a scan can look for it anywhere.</summary>
    public const string SecretValue = "rel-s3cr3t-value";

    public static Dictionary<string, string> Files(string? state = null)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["rel/declarative.yaml"] = $"apiVersion: declarative.dev/v1\nkind: Project\nmetadata: {{name: {Name}}}\nspec:\n{(state is null ? string.Empty : $"  state: {state}\n")}  environments:\n    dev: {{kubernetes: {{namespace: {Namespace}}}}}\n",
            ["rel/manifests/namespaces.yaml"] = $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {Namespace}\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: {JobsNamespace}\n",
        };
        for (var i = 1; i <= 27; i++)
        {
            files[$"rel/manifests/cm-{I(i)}.yaml"] = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-{I(i)}\ndata:\n  index: \"{i}\"\n  greeting: hello {i}\n";
        }

        for (var i = 1; i <= 8; i++)
        {
            var ns = i <= 2 ? JobsNamespace : Namespace;
            files[$"rel/manifests/secret-{I(i)}.yaml"] = $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: secret-{I(i)}\n  namespace: {ns}\nstringData:\n  password: {SecretValue}-{I(i)}\n";
        }

        for (var i = 1; i <= 6; i++)
        {
            files[$"rel/manifests/web-{I(i)}.yaml"] =
                $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-{I(i)}\n  annotations:\n    declarative.dev/depends-on: ConfigMap/cm-{I(i)}\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {{app: web-{I(i)}}}\n  template:\n    metadata:\n      labels: {{app: web-{I(i)}}}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        envFrom:\n        - configMapRef: {{name: cm-{I(i)}}}\n" +
                $"---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web-{I(i)}\n  annotations:\n    declarative.dev/depends-on: Deployment.apps/web-{I(i)}\nspec:\n  selector: {{app: web-{I(i)}}}\n  ports:\n  - port: 80\n    targetPort: 8080\n";
        }

        files["rel/manifests/migrate.yaml"] =
            $"apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  namespace: {JobsNamespace}\n  annotations:\n    declarative.dev/depends-on: Secret/{JobsNamespace}/secret-01, Secret/{JobsNamespace}/secret-02\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: migrate\n        image: busybox:1.36\n        command: [\"sh\", \"-c\", \"echo migrated\"]\n";
        return files;
    }

    /// <summary>Every object the project owns, as "resource namespace/name" (the double's collection and key).</summary>
    public static IReadOnlySet<string> Desired()
    {
        var desired = new HashSet<string>(StringComparer.Ordinal) { $"namespaces /{Namespace}", $"namespaces /{JobsNamespace}", $"jobs {JobsNamespace}/migrate" };
        for (var i = 1; i <= 27; i++)
        {
            desired.Add($"configmaps {Namespace}/cm-{I(i)}");
        }

        for (var i = 1; i <= 8; i++)
        {
            desired.Add($"secrets {(i <= 2 ? JobsNamespace : Namespace)}/secret-{I(i)}");
        }

        for (var i = 1; i <= 6; i++)
        {
            desired.Add($"deployments {Namespace}/web-{I(i)}");
            desired.Add($"services {Namespace}/web-{I(i)}");
        }

        return desired;
    }

    private static string I(int index) => index.ToString("00", CultureInfo.InvariantCulture);
}
