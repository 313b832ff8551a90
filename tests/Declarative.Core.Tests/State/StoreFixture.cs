using System.Text.Json.Nodes;
using Declarative.Core.State;
using Declarative.Testing;

namespace Declarative.Core.Tests.State;

/// <summary>A local store in a temp folder, and comparisons of revisions (records holding JSON and arrays).</summary>
internal sealed class StoreFixture : IDisposable
{
    private readonly TempDirectory temp = new();

    public StoreFixture()
    {
        Folder = LocalStateStore.DirectoryFor(temp.Root, "dev", new Dictionary<string, string>());
    }

    public StateKey Key { get; } = StateKey.Generate();

    public string Folder { get; }

    public ManualClock Clock { get; } = new(StateSamples.Start);

    public LocalStateStore Store(StateKey? key) => new(Folder, "dev", key, Clock);

    public LocalStateStore Store() => Store(Key);

    public string PathOf(string file) => Path.Combine(Folder, file);

    public static void AssertSameRevision(Revision expected, Revision actual)
    {
        Assert.Equal(expected with { Inventory = [], Edges = [] }, actual with { Inventory = [], Edges = [] });
        Assert.Equal(expected.Edges.OrderBy(e => e.From), actual.Edges);
        Assert.Equal(expected.Inventory.Length, actual.Inventory.Length);
        foreach (var (want, got) in expected.Inventory.OrderBy(e => e.Address).Zip(actual.Inventory))
        {
            Assert.Equal(want.Address, got.Address);
            Assert.Equal(want.Provider, got.Provider);
            Assert.Equal(want.Applied.Type, got.Applied.Type);
            Assert.Equal(want.Applied.Fingerprint, got.Applied.Fingerprint);
            Assert.Equal(want.Applied.Outputs.Values, got.Applied.Outputs.Values);
            Assert.Equal(want.SensitivePaths.AsEnumerable(), got.SensitivePaths);
            AssertJson(want.Applied.Object, got.Applied.Object);
        }
    }

    public static void AssertJson(JsonNode expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected.ToJsonString()} but got {actual.ToJsonString()}");

    public void Dispose() => temp.Dispose();
}
