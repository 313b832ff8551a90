using Declarative.Core.Execution;
using Declarative.Core.Providers;
using Declarative.Testing.Fakes;
using static Declarative.Core.Tests.Execution.ExecutionFixtures;

namespace Declarative.Core.Tests.Execution;

public sealed class ExecutorOutputsTests
{
    private const string Pushed = "registry.test/kubia:1@sha256:abc";
    private static readonly ResourceAddress KubiaImage = Image("kubia");
    private static readonly ResourceAddress Web = Deployment("web");

    private readonly ExecutorHarness harness = new();

    [Fact]
    public async Task Substitutes_an_image_reference_from_the_dependency_before_applying_the_dependent()
    {
        harness.Fake.ReturnOutputs(KubiaImage, Reference(Pushed));

        var result = await harness.RunAsync(PlanOf(CreateUsingImage(Web, KubiaImage), Create(KubiaImage)));

        Assert.True(result.Succeeded);
        Assert.Equal(Pushed, ImageIn(result.Outcomes[0].Applied!.Object));
        Assert.Equal(Pushed, ImageIn(harness.Fake.Get(Web)!.Object));
        Assert.Equal(Pushed, ImageIn(harness.Recorder.Applied.Single(a => a.Address == Web).Object));
        Assert.Equal(Pushed, result.Outcomes[1].Applied!.Outputs["reference"]);
    }

    [Fact]
    public async Task Uses_the_last_applied_outputs_of_an_unchanged_dependency()
    {
        const string Earlier = "registry.test/kubia:0@sha256:old";

        var result = await harness.RunAsync(PlanOf(NoOp(KubiaImage, AppliedOf(KubiaImage, Reference(Earlier))), CreateUsingImage(Web, KubiaImage)));

        Assert.True(result.Succeeded);
        Assert.Equal(Earlier, ImageIn(harness.Fake.Get(Web)!.Object));
        Assert.DoesNotContain(harness.Fake.Calls, c => c.Address == KubiaImage);
    }

    [Fact]
    public async Task Makes_no_provider_call_and_records_nothing_for_an_unchanged_resource()
    {
        var lastApplied = AppliedOf(Web);

        var result = await harness.RunAsync(PlanOf(NoOp(Web, lastApplied)));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(OutcomeKind.Unchanged, outcome.Kind);
        Assert.Same(lastApplied, outcome.Applied);
        Assert.Empty(harness.Calls);
        Assert.Empty(harness.Recorder.Entries);
        Assert.Empty(harness.Events.All);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Records_an_unchanged_resource_that_the_state_did_not_know()
    {
        var result = await harness.RunAsync(PlanOf(NoOp(Web, lastApplied: null)));

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal((OutcomeKind.Unchanged, Web), (outcome.Kind, outcome.Applied?.Address));
        Assert.Equal([$"applied {Web}"], harness.Recorder.Entries);
        Assert.Empty(harness.Calls);
    }

    [Fact]
    public async Task Fails_the_dependent_when_its_dependency_gave_no_output_for_its_reference()
    {
        var result = await harness.RunAsync(PlanOf(Create(KubiaImage), CreateUsingImage(Web, KubiaImage)));

        Assert.Equal(OutcomeKind.Applied, result.Outcomes[0].Kind);
        Assert.Equal(OutcomeKind.Failed, result.Outcomes[1].Kind);
        Assert.Contains("${image:kubia} cannot be resolved", result.Outcomes[1].Error, StringComparison.Ordinal);
    }

    private static string? ImageIn(System.Text.Json.Nodes.JsonObject obj) => JsonText.At(obj, ImagePointer);
}
