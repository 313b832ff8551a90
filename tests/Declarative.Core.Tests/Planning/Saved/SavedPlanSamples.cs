using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Graph;
using Declarative.Core.Planning;
using Declarative.Core.Planning.Saved;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Core.Tests.Planning.Saved;

/// <summary>A plan with a Secret update (drift, a taken field, a note on a kept label), a Deployment create with an unknown image, and an edge.</summary>
internal static class SavedPlanSamples
{
    public const string DesiredPassword = "n3w-p4ssw0rd-desired";
    public const string LivePassword = "0ld-p4ssw0rd-live";
    public const string AppliedPassword = "0ld-p4ssw0rd-applied";

    public static readonly ResourceAddress Secret = new(string.Empty, string.Empty, "Secret", "shop", "db");
    public static readonly ResourceAddress Web = new(string.Empty, "apps", "Deployment", "shop", "web");
    public static readonly ResourceAddress Image = new(string.Empty, "docker.declarative.dev", "Image", null, "web");
    public static readonly ResourceType SecretType = new("v1", "Secret");
    public static readonly ChangeNote KeptLabel = new("metadata.labels.team", "set by kubectl-label, not in the manifests: kept");
    public static readonly ResourceType DeploymentType = new("apps/v1", "Deployment");

    public static JsonObject SecretObject(string password) =>
        JsonNode.Parse($$$"""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db","namespace":"shop","uid":"u-1"},"stringData":{"password":"{{{password}}}"}}""")!.AsObject();

    public static SavedPlan SamplePlan(int? baseRevision = 4) => new(
        new Plan("shop", "prod", baseRevision, new TargetIdentity("https://10.0.0.1:6443", "prod-ctx", "shop", null), [SecretChange(), WebChange()], [new Edge(Web, Secret, "envFrom[0].secretRef", DependencyKind.Required)]),
        "/home/alice/shop",
        new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero),
        "0.3.0");

    public static ResourceChange SecretChange()
    {
        ImmutableArray<string> sensitive = ["stringData", "data"];
        var desired = new DesiredResource(Secret, SecretType, SecretObject(DesiredPassword), [], sensitive, ["metadata.annotations"]);
        var live = new LiveResource(Secret, SecretType, SecretObject(LivePassword), new Fingerprint("sha256:live", "u-1", null));
        var applied = new AppliedResource(Secret, SecretType, SecretObject(AppliedPassword), new ResourceOutputs(ImmutableSortedDictionary<string, string>.Empty.Add("uid", "u-1")), new Fingerprint("sha256:applied", "u-1", null));
        var change = new PlannedChange(
            Secret,
            ChangeAction.Update,
            [new FieldDiff("stringData.password", FieldDiffKind.Changed, null, null, Sensitive: true), new FieldDiff("metadata.labels.tier", FieldDiffKind.Added, null, JsonValue.Create("db"))],
            ["stringData.password"],
            null,
            [new TakenField("metadata.labels.tier", "kubectl")],
            [],
            desired,
            live,
            Notes: [KeptLabel]);
        return new ResourceChange(change, "kubernetes", [], sensitive, applied);
    }

    public static ResourceChange WebChange()
    {
        var obj = JsonNode.Parse("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop"},"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"web","image":"${image:web}"}]}}}}""")!.AsObject();
        var unknown = new UnknownValue("/spec/template/spec/containers/0/image", "${image:web}", [new Unknown("image", "web", Image, "reference")]);
        var desired = new DesiredResource(Web, DeploymentType, obj, [unknown], [], []);
        var change = new PlannedChange(Web, ChangeAction.Create, [new FieldDiff("spec.replicas", FieldDiffKind.Added, null, JsonValue.Create(2))], [], null, [], ["spec.template.spec.containers[name=web].image"], desired, null, Verb: "roll out", ServerDefaultsUnknown: true);
        return new ResourceChange(change, "kubernetes", [Secret], [], null);
    }
}
