using System.Collections.Immutable;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using static Declarative.Core.Tests.Planning.Engine.PlanDocuments;
using static Declarative.Core.Tests.Planning.Engine.PlannerScenario;

namespace Declarative.Core.Tests.Planning.Engine;

public sealed class PlannerUnknownTests
{
    private const string Reference = "registry.test/web:in1-0a1b2c3d4e5f@sha256:feed";
    private const string ImagePointer = "/spec/template/spec/containers/0/image";

    private readonly PlannerScenario scenario = new();

    private static Dictionary<ResourceAddress, ResourceOutputs> Outputs => new()
    {
        [Address("Image", "web")] = new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("reference", Reference)])),
    };

    [Fact]
    public async Task Shows_a_reference_to_a_new_image_as_known_after_apply()
    {
        var plan = await scenario.PlanAsync(null, Image("web"), Deployment("api", "${image:web}"));

        var deployment = plan.Changes.Single(c => c.Address == Address("Deployment", "api"));
        var unknown = Assert.Single(deployment.Change.Desired!.Unknowns);
        Assert.Equal((ImagePointer, "${image:web}"), (unknown.Path, unknown.Template));
        Assert.Equal(new Unknown("image", "web", Address("Image", "web"), "reference"), Assert.Single(unknown.References));
        Assert.Equal(["spec.template.spec.containers[name=web].image"], deployment.Change.UnknownPaths.ToArray());
        Assert.Contains(deployment.Change.Diffs, d => d.Unknown && d.Path == "spec.template.spec.containers[name=web].image");
    }

    [Fact]
    public async Task Substitutes_the_reference_of_an_unchanged_image_from_the_base_revision()
    {
        var deployed = scenario.Deploy(await scenario.PlanAsync(null, Image("web"), Deployment("api", "${image:web}")), 1, Outputs);

        var plan = await scenario.PlanAsync(deployed, Image("web"), Deployment("api", "${image:web}"));

        var deployment = plan.Changes.Single(c => c.Address == Address("Deployment", "api"));
        Assert.Empty(deployment.Change.Desired!.Unknowns);
        Assert.Equal(Reference, JsonPointer.Get(deployment.Change.Desired.Object, ImagePointer)!.GetValue<string>());
        Assert.Equal([ChangeAction.NoOp, ChangeAction.NoOp], plan.Changes.Select(c => c.Action));
    }

    [Fact]
    public async Task Keeps_the_reference_unknown_when_the_image_changes()
    {
        var deployed = scenario.Deploy(await scenario.PlanAsync(null, Image("web"), Deployment("api", "${image:web}")), 1, Outputs);

        var plan = await scenario.PlanAsync(deployed, Image("web").Replace("./web", "./web2", StringComparison.Ordinal), Deployment("api", "${image:web}"));

        var deployment = plan.Changes.Single(c => c.Address == Address("Deployment", "api"));
        Assert.Equal(ChangeAction.Update, plan.Changes.Single(c => c.Address == Address("Image", "web")).Action);
        Assert.Equal(ChangeAction.Update, deployment.Action);
        var diff = Assert.Single(deployment.Change.Diffs);
        Assert.Equal((true, Reference), (diff.Unknown, diff.Before!.GetValue<string>()));
    }

    [Fact]
    public async Task Substitutes_known_references_and_keeps_the_unknown_ones_in_one_string()
    {
        var deployed = scenario.Deploy(await scenario.PlanAsync(null, Image("web")), 1, Outputs);

        var plan = await scenario.PlanAsync(deployed, Image("web"), Image("side"), ConfigMap("both", mode: "${image:web} ${image:side}"));

        var unknown = Assert.Single(plan.Changes.Single(c => c.Address == Address("ConfigMap", "both")).Change.Desired!.Unknowns);
        Assert.Equal($"{Reference} ${{image:side}}", unknown.Template);
        Assert.Equal(["${image:side}"], unknown.References.Select(r => r.Expression));
    }
}
