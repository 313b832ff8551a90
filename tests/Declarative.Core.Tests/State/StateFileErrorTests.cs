using System.Text.Json.Nodes;
using Declarative.Core.State;
using static Declarative.Testing.StateContract.StateStoreSamples;

namespace Declarative.Core.Tests.State;

public sealed class StateFileErrorTests : IDisposable
{
    private readonly StoreFixture fixture = new();

    [Fact]
    public async Task Refuses_a_file_from_a_newer_format_version()
    {
        await WriteEditedAsync(root => root["formatVersion"] = 2);

        var error = await Assert.ThrowsAsync<StateFileException>(() => fixture.Store().GetLatestAsync(CancellationToken.None));

        Assert.Equal("State file is from a newer Declarative", error.Summary);
        Assert.Contains("format version 2", error.Details[0], StringComparison.Ordinal);
        Assert.Contains(fixture.PathOf("revision-000001.json"), error.Details[0], StringComparison.Ordinal);
        Assert.StartsWith("Upgrade Declarative", error.Details[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"formatVersion\": 1, \"revision\": ", "not valid JSON")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("{ \"revision\": 1 }", "no valid formatVersion")]
    [InlineData("{ \"formatVersion\": 1, \"revision\": 1 }", "missing required properties")]
    public async Task Reports_a_corrupt_file_by_name(string content, string problem)
    {
        Directory.CreateDirectory(fixture.Folder);
        await File.WriteAllTextAsync(fixture.PathOf("revision-000001.json"), content);

        var error = await Assert.ThrowsAsync<StateFileException>(() => fixture.Store().ListAsync(CancellationToken.None));

        Assert.Equal("State file is unreadable", error.Summary);
        Assert.Equal(fixture.PathOf("revision-000001.json"), error.Path);
        Assert.Contains(fixture.PathOf("revision-000001.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Details[0], StringComparison.Ordinal);
        Assert.StartsWith("Restore the file from a backup", error.Details[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_an_unknown_status()
    {
        await WriteEditedAsync(root => root["status"] = "exploded");

        var error = await Assert.ThrowsAsync<StateFileException>(() => fixture.Store().GetAsync(1, CancellationToken.None));

        Assert.Contains("status \"exploded\" is not one of pending, deployed, failed, superseded, destroyed", error.Details[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_a_file_whose_number_does_not_match_its_name()
    {
        await WriteEditedAsync(root => root["revision"] = 5);

        var error = await Assert.ThrowsAsync<StateFileException>(() => fixture.Store().GetAsync(1, CancellationToken.None));

        Assert.Contains("holds revision 5, not revision 1", error.Details[0], StringComparison.Ordinal);
    }

    private async Task WriteEditedAsync(Action<JsonObject> edit)
    {
        await fixture.Store().SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("web")), CancellationToken.None);
        var path = fixture.PathOf("revision-000001.json");
        var root = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        edit(root);
        await File.WriteAllTextAsync(path, root.ToJsonString());
    }

    public void Dispose() => fixture.Dispose();
}
