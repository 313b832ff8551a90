using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.Runtime;
using static Declarative.Providers.Kubernetes.Tests.Runtime.RuntimeObjects;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

/// <summary>What a shared feed shows its waiters: never a state older than the one the waiter applied or read.</summary>
public sealed class ObservedCollectionTests
{
    [Fact]
    public void A_state_cached_before_the_apply_is_not_taken_for_its_result()
    {
        var observed = new ObservedCollection();
        observed.Load(new KubeList([State("web", "10", generation: 1, observed: 1)], "11"));
        var seen = new List<string?>();
        var waiter = new ObjectWaiter("web", "12", obj =>
        {
            seen.Add(JsonText.At(obj, "/metadata/resourceVersion"));
            return JsonPointer.Get(obj, "/status/observedGeneration")?.GetValue<int>() == 2;
        });

        observed.Add(waiter);
        var shownBeforeTheApply = seen.Count;
        observed.Apply(new KubeWatchEvent("MODIFIED", State("web", "12", generation: 2, observed: 1)));
        observed.Apply(new KubeWatchEvent("MODIFIED", State("web", "13", generation: 2, observed: 2)));

        Assert.Equal(0, shownBeforeTheApply);
        Assert.Equal(["12", "13"], seen);
        Assert.True(waiter.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public void An_absent_object_counts_as_gone_only_once_the_collection_is_known_after_the_read_before_the_delete()
    {
        var observed = new ObservedCollection();
        observed.Load(new KubeList([], "5"));
        var waiter = new ObjectWaiter("web", "7", obj => obj is null);

        observed.Add(waiter);
        var doneWhileBehind = waiter.Completion.IsCompleted;
        observed.Apply(new KubeWatchEvent("BOOKMARK", Parse("""{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"resourceVersion":"8"}}""")));

        Assert.False(doneWhileBehind);
        Assert.True(waiter.Completion.IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData("12", "9", true)]
    [InlineData("9", "12", false)]
    [InlineData("100", "99", true)]
    [InlineData("abc", "abc", true)]
    [InlineData("abc", "def", true)]
    [InlineData(null, "5", false)]
    [InlineData("5", null, true)]
    public void Resource_versions_are_ordered_as_integers(string? observed, string? minimum, bool atLeast) =>
        Assert.Equal(atLeast, ResourceVersions.IsAtLeast(observed, minimum));

    private static JsonObject State(string name, string resourceVersion, int generation, int observed) => Parse($$$"""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"{{{name}}}","namespace":"default","resourceVersion":"{{{resourceVersion}}}","generation":{{{generation}}}},
         "status":{"observedGeneration":{{{observed}}} } }
        """);
}
