using Declarative.Testing.StateContract;
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

    public ManualClock Clock { get; } = new(StateStoreSamples.Start);

    public LocalStateStore Store(StateKey? key) => new(Folder, "dev", key, Clock);

    public LocalStateStore Store() => Store(Key);

    public string PathOf(string file) => Path.Combine(Folder, file);

    public static void AssertJson(JsonNode expected, JsonNode actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected.ToJsonString()} but got {actual.ToJsonString()}");

    public void Dispose() => temp.Dispose();
}
