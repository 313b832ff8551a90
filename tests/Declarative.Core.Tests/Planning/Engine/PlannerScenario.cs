using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Graph;
using Declarative.Core.Manifests;
using Declarative.Core.Operations;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Core.State;
using Declarative.Core.Tests.Graph;
using Declarative.Testing;

namespace Declarative.Core.Tests.Planning.Engine;

/// <summary>
/// Project "shop", environment "prod", default namespace "web", with two providers: "kube" (core and apps kinds)
/// and "images" (declarative.dev Images, resolved by <c>${image:NAME}</c>). <see cref="Deploy"/> stands in for
/// an apply: it puts a plan's objects live and returns the revision that records them.
/// </summary>
internal sealed class PlannerScenario
{
    public const string Namespace = "web";
    public static readonly TargetIdentity Target = new("https://k8s.test:6443", "test", Namespace, null);
    public static readonly OwnerSelector Owner = new("shop", "prod");

    private readonly IReadOnlyList<IKindCatalog> catalogs =
    [
        new PlanCatalog("images", ["declarative.dev"], ImmutableDictionary<string, KindRef>.Empty.Add("image", new KindRef("declarative.dev", "Image"))),
        new PlanCatalog("kube", ["", "apps"], ImmutableDictionary<string, KindRef>.Empty),
    ];

    public RecordingProvider Kube { get; } = new(new FakeProvider("kube"));

    public RecordingProvider Images { get; } = new(new FakeProvider("images"));

    public static ResourceAddress Address(string kind, string name) => kind switch
    {
        "Image" => new(string.Empty, "declarative.dev", kind, null, name),
        "Deployment" => new(string.Empty, "apps", kind, Namespace, name),
        _ => new(string.Empty, string.Empty, kind, Namespace, name),
    };

    public Task<Plan> PlanAsync(Revision? baseRevision, params string[] documents) =>
        new Planner(new Dictionary<string, IResourceProvider> { ["kube"] = Kube, ["images"] = Images }, catalogs)
            .PlanAsync(Model(documents), baseRevision, Target, CancellationToken.None);

    /// <summary>Applies every create, update and replace of <paramref name="plan"/> to the fakes and returns the
    /// revision an apply would record; <paramref name="outputs"/> are the Images' outputs.</summary>
    public Revision Deploy(Plan plan, int number, IReadOnlyDictionary<ResourceAddress, ResourceOutputs>? outputs = null)
    {
        outputs ??= new Dictionary<ResourceAddress, ResourceOutputs>();
        var entries = plan.Changes.Where(c => c.Change.Desired is not null).Select(c =>
        {
            var desired = c.Change.Desired!;
            var applied = UnknownSubstitution.Apply(desired.Object, desired.Unknowns, outputs);
            var live = (c.Provider == "kube" ? Kube : Images).Fake.Seed(c.Address, desired.Type, applied);
            var result = new AppliedResource(c.Address, desired.Type, applied, outputs.GetValueOrDefault(c.Address, ResourceOutputs.Empty), live.Fingerprint);
            return new InventoryEntry(c.Provider, result, c.SensitivePaths);
        });
        return new Revision(
            number, RevisionOperation.Apply, null, RevisionStatus.Deployed, "tester", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
            null, "0.1.0", Target, [.. entries], plan.Edges, RevisionSummary.Empty, null);
    }

    private EnvironmentModel Model(string[] jsons)
    {
        var documents = GraphDocuments.ParseAll(jsons);
        var context = new CatalogContext(documents, Namespace);
        var resources = ResourceResolver.Resolve(documents, catalogs, context);
        Assert.Empty(resources.Diagnostics);
        var graph = ResourceGraphBuilder.Build(resources.Value, catalogs, context, []);
        Assert.Empty(graph.Diagnostics);
        var environment = new EnvironmentDefinition("prod", null, null, null, StateSettings.Local);
        var project = new ProjectDefinition(
            "shop", "/p", false, [], null, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("prod", environment)]), null);
        var loaded = new LoadedEnvironment(project, environment, [], documents, []);
        return new EnvironmentModel(loaded, Namespace, resources.Value, graph.Value);
    }
}
