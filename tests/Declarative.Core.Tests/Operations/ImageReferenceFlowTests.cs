using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Execution;
using Declarative.Core.Manifests;
using Declarative.Core.Operations;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Core.State;
using Declarative.Testing;

namespace Declarative.Core.Tests.Operations;

/// <summary>
/// The whole `${image:NAME}` flow through the engine, with FakeProviders standing in for Docker and Kubernetes:
/// the plan shows the Deployment's image as known after apply, and apply substitutes the pushed reference
/// before the Deployment is applied.
/// </summary>
public sealed class ImageReferenceFlowTests
{
    private const string Pushed = "127.0.0.1:5000/web:in1-0123456789ab@sha256:feed";

    [Fact]
    public async Task A_reference_unknown_at_plan_time_is_resolved_from_the_image_output_at_apply()
    {
        using var dir = new TempDirectory(new Dictionary<string, string>
        {
            ["image.yaml"] = "apiVersion: docker.declarative.dev/v1\nkind: Image\nmetadata:\n  name: web\nspec:\n  context: .\n",
            ["web.yaml"] = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: ${image:web}\n",
        });
        var catalogs = new IKindCatalog[] { new ImageCatalog(), new DeploymentCatalog() };
        var load = new LoadOperation(catalogs, new Dictionary<string, string>());
        var request = new LoadRequest(dir.Root, dir.Root, null, [], []);
        var model = load.Load(load.LocateProject(request).Value!, request).Value!;
        var docker = new FakeProvider("docker");
        var kubernetes = new FakeProvider("kubernetes");
        var image = model.Resources.Single(r => r.Address.Kind == "Image").Address;
        docker.ReturnOutputs(image, new ResourceOutputs(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("reference", Pushed)])));
        var providers = new Dictionary<string, IResourceProvider> { ["docker"] = docker, ["kubernetes"] = kubernetes };

        var plan = await new Planner(providers, catalogs).PlanAsync(model, null, new TargetIdentity(null, null, "default", null), CancellationToken.None);

        var deployment = plan.Changes.Single(c => c.Address.Kind == "Deployment");
        Assert.Equal(new[] { image }, deployment.DependsOn.ToArray());
        Assert.Contains("spec.template.spec.containers[name=web].image", deployment.Change.UnknownPaths);

        var result = await new Executor(providers, TimeProvider.System).ApplyAsync(plan, new ExecutionOptions(), new NullRecorder(), new Progress<ApplyEvent>(), CancellationToken.None);

        Assert.True(result.Succeeded);
        var applied = kubernetes.Get(deployment.Address)!.Object;
        Assert.Equal(Pushed, applied["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
    }

    private sealed class NullRecorder : IApplyRecorder
    {
        public Task RecordAppliedAsync(string provider, AppliedResource applied, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RecordDeletedAsync(ResourceAddress address, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class ImageCatalog : TestCatalog
    {
        public ImageCatalog()
            : base("docker", "docker.declarative.dev", ResourceScope.Cluster)
        {
        }

        public override ImmutableDictionary<string, KindRef> ReferenceSchemes { get; } =
            ImmutableDictionary<string, KindRef>.Empty.Add("image", new KindRef("docker.declarative.dev", "Image"));
    }

    private sealed class DeploymentCatalog : TestCatalog
    {
        public DeploymentCatalog()
            : base("kubernetes", "apps", ResourceScope.Namespaced)
        {
        }
    }

    private abstract class TestCatalog(string provider, string group, ResourceScope scope) : IKindCatalog
    {
        public string ProviderName => provider;

        public virtual ImmutableDictionary<string, KindRef> ReferenceSchemes { get; } = ImmutableDictionary<string, KindRef>.Empty;

        public bool Owns(ResourceType type) => type.Group == group;

        public KindInfo Describe(ResourceType type, CatalogContext context) => new(type.KindRef, scope);

        public IEnumerable<Diagnostics.Diagnostic> Validate(RenderedDocument document, CatalogContext context) => [];

        public IEnumerable<DependencyRequest> GetDependencies(Resource resource, CatalogContext context) => [];

        public ImmutableArray<string> GetSensitivePaths(Resource resource) => [];
    }
}
