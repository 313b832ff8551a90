using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Graph;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Cli.Tests.PlanRendering;

/// <summary>
/// A hand-built plan with every action: an Image build, a create (planned without server defaults), an update
/// with drift, a field taken from kubectl, an unknown image and a note on a kept field, a replace with its reason,
/// a Secret update, a no-op and a prune. The Secret's values (<see cref="SecretValues"/>) must appear in no rendering.
/// </summary>
internal static class PlanFixture
{
    public static readonly ImmutableArray<string> SecretValues = ["aHVudGVyMg==", "c3dvcmRmaXNo", "dG9rZW4tb2xk", "dG9rZW4tbmV3"];

    private static readonly ImmutableArray<string> SecretPaths = ["data", "stringData"];

    public static Plan Everything() => new(
        "shop",
        "prod",
        7,
        new TargetIdentity("https://k8s.test:6443", "test", "web", null),
        [Build(), Create(), Update(), Replace(), SecretUpdate(), NoOp(), Delete()],
        [new Edge(Deployment, Image, "spec.template.spec.containers[name=web].image references ${image:web}", DependencyKind.Required)]);

    public static Plan NoChanges() => Everything() with { Changes = [NoOp()] };

    /// <summary>The note the Kubernetes provider gives for a container's resources added with <c>kubectl edit</c>.</summary>
    public static readonly ChangeNote KeptResources = new("spec.template.spec.containers[name=web].resources", "set by kubectl-edit, not in the manifests: kept");

    private static ResourceAddress Image => new(string.Empty, "declarative.dev", "Image", null, "web");

    private static ResourceAddress Deployment => new(string.Empty, "apps", "Deployment", "web", "api");

    private static ResourceChange Build() => Change(
        new PlannedChange(Image, ChangeAction.Update, [new FieldDiff("tag", FieldDiffKind.Changed, "in1-0a1b2c3d4e5f", "in1-99aa00bb11cc")], [], null, [], [], null, null, Verb: "build"),
        "images");

    private static ResourceChange Create()
    {
        var address = new ResourceAddress(string.Empty, string.Empty, "ConfigMap", "web", "settings");
        var desired = Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","namespace":"web","labels":{"app.kubernetes.io/managed-by":"declarative"}},"data":{"mode":"fast","greeting":"héllo <world> & +1"}}""");
        var diffs = FieldDiffer.Diff(null, desired, DiffOptions.Default);
        return Change(new PlannedChange(address, ChangeAction.Create, diffs, [], null, [], [], null, null, ServerDefaultsUnknown: true));
    }

    private static ResourceChange Update()
    {
        const string imagePath = "spec.template.spec.containers[name=web].image";
        FieldDiff[] diffs =
        [
            new("metadata.annotations.owner", FieldDiffKind.Removed, "team-a", null),
            new("metadata.labels.tier", FieldDiffKind.Added, null, "web"),
            new("spec.replicas", FieldDiffKind.Changed, 5, 3),
            new(imagePath, FieldDiffKind.Changed, "registry.test/web:in1-0a1b2c3d4e5f@sha256:feed", null, Unknown: true),
            new("spec.template.spec.containers[name=web].ports", FieldDiffKind.Added, null, Json("""{"x":[{"containerPort":8080,"name":"http"}]}""")["x"]!.DeepClone()),
        ];
        return Change(
            new PlannedChange(Deployment, ChangeAction.Update, [.. diffs], ["spec.replicas"], null, [new TakenField("spec.replicas", "kubectl")], [imagePath], null, null, Notes: [KeptResources]),
            dependsOn: [Image]);
    }

    private static ResourceChange Replace()
    {
        var address = new ResourceAddress(string.Empty, "batch", "Job", "web", "migrate");
        var diff = new FieldDiff("spec.template.spec.containers[name=migrate].args", FieldDiffKind.Changed, Json("""{"x":["up"]}""")["x"]!.DeepClone(), Json("""{"x":["up","--seed"]}""")["x"]!.DeepClone());
        return Change(new PlannedChange(address, ChangeAction.Replace, [diff], [], "spec.template cannot be changed in place", [], [], null, null));
    }

    private static ResourceChange SecretUpdate()
    {
        var address = new ResourceAddress(string.Empty, string.Empty, "Secret", "web", "db");
        var desired = new DesiredResource(address, new ResourceType("v1", "Secret"), SecretObject(), [], SecretPaths, []);
        FieldDiff[] diffs =
        [
            new("data.password", FieldDiffKind.Changed, null, null, Sensitive: true),

            // A provider that forgot to mask: the renderers mask by the change's sensitive paths anyway.
            new("data.token", FieldDiffKind.Changed, SecretValues[2], SecretValues[3]),
            new("stringData", FieldDiffKind.Added, null, new JsonObject { ["extra"] = SecretValues[0] }),
        ];
        return Change(new PlannedChange(address, ChangeAction.Update, [.. diffs], [], null, [], [], desired, null), sensitive: SecretPaths);
    }

    private static JsonObject SecretObject() => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject { ["name"] = "db" },
        ["data"] = new JsonObject { ["password"] = SecretValues[1], ["token"] = SecretValues[3] },
    };

    /// <summary>No change, but a field another manager set that the manifests do not.</summary>
    public static Plan KeptField() => Everything() with
    {
        Changes =
        [
            NoOp(),
            Change(new PlannedChange(Deployment, ChangeAction.NoOp, [], [], null, [], [], null, null, Notes: [new ChangeNote("spec.template.spec.containers[name=api].env", "set by kubectl-set, not in the manifests: kept")])),
        ],
    };

    private static ResourceChange NoOp() => Change(
        new PlannedChange(new ResourceAddress(string.Empty, string.Empty, "Namespace", null, "web"), ChangeAction.NoOp, [], [], null, [], [], null, null));

    private static ResourceChange Delete() => Change(
        new PlannedChange(new ResourceAddress(string.Empty, string.Empty, "ConfigMap", "web", "old"), ChangeAction.Delete, [], [], null, [], [], null, null),
        dependsOn: [Deployment]);

    private static ResourceChange Change(PlannedChange change, string provider = "kube", ImmutableArray<ResourceAddress> dependsOn = default, ImmutableArray<string> sensitive = default) =>
        new(change, provider, dependsOn.IsDefault ? [] : dependsOn, sensitive.IsDefault ? [] : sensitive, null);

    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();
}
