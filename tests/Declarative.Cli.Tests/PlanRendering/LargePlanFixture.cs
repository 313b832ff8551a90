using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Cli.Tests.PlanRendering;

/// <summary>
/// Large plans built in memory as the Kubernetes provider builds them: a CustomResourceDefinition whose schema holds
/// over a thousand fields, and the first plan of a project of several hundred objects (ten such CRDs, three
/// Namespaces, and per namespace dozens of apps of a Deployment, a Service and a ConfigMap with a config file), plus a
/// few updates and deletes of an earlier revision.
/// </summary>
internal static class LargePlanFixture
{
    public static readonly ImmutableArray<string> Namespaces = ["monitoring", "payments", "shop"];

    public static Plan OneCrd() => MultiLineFixture.Plan([Create(Crd("widget"))]);

    private static readonly ImmutableArray<string> CrdNames = ["backup", "bucket", "cache", "certificate", "database", "gateway", "queue", "route", "schedule", "widget"];

    /// <summary>10 CRDs, 3 Namespaces, <paramref name="appsPerNamespace"/> apps of three objects in each namespace,
    /// one updated ConfigMap per namespace and two deletes.</summary>
    public static Plan Project(int appsPerNamespace)
    {
        var changes = ImmutableArray.CreateBuilder<ResourceChange>();
        changes.AddRange(CrdNames.Select(name => Create(Crd(name))));
        changes.AddRange(Namespaces.Select(ns => Create(Namespace(ns))));
        foreach (var ns in Namespaces)
        {
            for (var i = 1; i <= appsPerNamespace; i++)
            {
                var app = string.Create(CultureInfo.InvariantCulture, $"app-{i:000}");
                changes.Add(Create(MultiLineFixture.ConfigMap(app, new JsonObject { ["config.yaml"] = AppConfig(app) }, ns)));
                changes.Add(Create(Deployment(app, ns)));
                changes.Add(Create(Service(app, ns)));
            }

            var before = MultiLineFixture.ConfigMap("gateway", new JsonObject { ["config.yaml"] = MultiLineFixture.GatewayConfig("[120s]") }, ns);
            var after = MultiLineFixture.ConfigMap("gateway", new JsonObject { ["config.yaml"] = MultiLineFixture.GatewayConfig("[180s]") }, ns);
            changes.Add(MultiLineFixture.Change(MultiLineFixture.Address("", "ConfigMap", "gateway", ns), ChangeAction.Update, FieldDiffer.Diff(before, after, DiffOptions.Default)));
        }

        changes.Add(MultiLineFixture.Change(MultiLineFixture.Address("", "ConfigMap", "legacy", "shop"), ChangeAction.Delete, []));
        changes.Add(MultiLineFixture.Change(MultiLineFixture.Address("apps", "Deployment", "legacy", "shop"), ChangeAction.Delete, []));
        return MultiLineFixture.Plan(changes.ToImmutable());
    }

    /// <summary>A CRD of the group example.com whose schema has 60 parts of 10 settings each (1,324 fields).</summary>
    public static JsonObject Crd(string singular)
    {
        var plural = singular + "s";
        var kind = char.ToUpperInvariant(singular[0]) + singular[1..];
        var specProperties = new JsonObject();
        for (var p = 1; p <= 60; p++)
        {
            var fields = new JsonObject();
            for (var f = 1; f <= 10; f++)
            {
                fields[$"field{f:00}"] = new JsonObject { ["type"] = "string", ["description"] = $"Setting {f} of part {p}." };
            }

            specProperties[$"part{p:00}"] = new JsonObject { ["type"] = "object", ["description"] = $"Part {p} of the widget.", ["properties"] = fields };
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["apiVersion"] = new JsonObject { ["type"] = "string" },
                ["kind"] = new JsonObject { ["type"] = "string" },
                ["spec"] = new JsonObject { ["type"] = "object", ["properties"] = specProperties },
            },
        };
        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject { ["name"] = $"{plural}.example.com", ["labels"] = Labels() },
            ["spec"] = new JsonObject
            {
                ["group"] = "example.com",
                ["names"] = new JsonObject { ["kind"] = kind, ["listKind"] = $"{kind}List", ["plural"] = plural, ["singular"] = singular },
                ["scope"] = "Namespaced",
                ["versions"] = new JsonArray(new JsonObject
                {
                    ["name"] = "v1",
                    ["served"] = true,
                    ["storage"] = true,
                    ["schema"] = new JsonObject { ["openAPIV3Schema"] = schema },
                }),
            },
        };
    }

    private static JsonObject Namespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name, ["labels"] = Labels() },
    };

    private static JsonObject Deployment(string app, string ns) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = app, ["namespace"] = ns, ["labels"] = Labels() },
        ["spec"] = new JsonObject
        {
            ["replicas"] = 2,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = app } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = app } },
                ["spec"] = new JsonObject
                {
                    ["containers"] = new JsonArray(new JsonObject
                    {
                        ["name"] = app,
                        ["image"] = $"registry.test/{app}:1.0.0",
                        ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 8080, ["name"] = "http" }),
                        ["env"] = new JsonArray(new JsonObject { ["name"] = "MODE", ["value"] = "production" }, new JsonObject { ["name"] = "CONFIG", ["value"] = "/etc/app/config.yaml" }),
                        ["volumeMounts"] = new JsonArray(new JsonObject { ["name"] = "config", ["mountPath"] = "/etc/app" }),
                        ["resources"] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "128Mi" } },
                    }),
                    ["volumes"] = new JsonArray(new JsonObject { ["name"] = "config", ["configMap"] = new JsonObject { ["name"] = app } }),
                },
            },
        },
    };

    private static JsonObject Service(string app, string ns) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = new JsonObject { ["name"] = app, ["namespace"] = ns, ["labels"] = Labels() },
        ["spec"] = new JsonObject
        {
            ["selector"] = new JsonObject { ["app"] = app },
            ["ports"] = new JsonArray(new JsonObject { ["name"] = "http", ["port"] = 80, ["targetPort"] = 8080 }),
        },
    };

    /// <summary>An app's config file of 70 lines: more than a create shows unfolded.</summary>
    private static string AppConfig(string app)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"app: {app}\nfeatures:\n");
        for (var i = 1; i <= 68; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  flag{i:00}: {(i % 3 == 0 ? "on" : "off")}\n");
        }

        return text.ToString();
    }

    private static JsonObject Labels() => new() { ["app.kubernetes.io/managed-by"] = "declarative", ["declarative.dev/project"] = "shop" };

    private static ResourceChange Create(JsonObject desired)
    {
        var metadata = desired["metadata"]!.AsObject();
        var apiVersion = (string)desired["apiVersion"]!;
        var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
        var address = new ResourceAddress(string.Empty, group, (string)desired["kind"]!, (string?)metadata["namespace"], (string)metadata["name"]!);
        return MultiLineFixture.Change(address, ChangeAction.Create, FieldDiffer.Diff(null, desired, DiffOptions.Default));
    }
}
