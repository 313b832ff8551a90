using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.State;
using Xunit;
using static Declarative.Testing.StateContract.StateStoreSamples;

namespace Declarative.Testing.StateContract;

/// <summary>
/// The shared contract of a store that keeps the history at rest (local files, PostgreSQL rows, Kubernetes Secrets):
/// everything in <see cref="StateStoreBehaviourContract"/>, plus secret values sealed at rest (opened with the key,
/// masked without it), a format version newer than ours refused, and a damaged revision or journal record reported
/// with a name a person can find it by, never silently dropped. Each store's test class derives this and gives the
/// hooks below over its raw storage.
/// </summary>
public abstract class StateStoreContract : StateStoreBehaviourContract
{
    /// <summary>Everything the backing storage holds for <paramref name="name"/> as text (files, rows, decoded Secret
    /// payloads): what someone who can read the storage, but has no key, sees.</summary>
    protected abstract Task<string> ReadAtRestAsync(StoreName name);

    /// <summary>Replaces the stored bytes of revision <paramref name="number"/> (what <see cref="RevisionCodec"/>
    /// encoded) with what <paramref name="edit"/> makes of them.</summary>
    protected abstract Task EditStoredRevisionAsync(StoreName name, int number, Func<byte[], byte[]> edit);

    /// <summary>Replaces the bytes of the journal record at <paramref name="index"/> (0 is the first appended) of revision
    /// <paramref name="number"/>: one JSON line, newline included, as <see cref="RevisionCodec"/> encoded it.</summary>
    protected abstract Task EditStoredJournalRecordAsync(StoreName name, int number, int index, Func<byte[], byte[]> edit);

    /// <summary>What an error about revision <paramref name="number"/> names so that a person can find it: a file
    /// path, a table row, a Secret.</summary>
    protected abstract string RevisionNameOf(StoreName name, int number);

    /// <summary>What an error about a journal record of revision <paramref name="number"/> names.</summary>
    protected abstract string JournalNameOf(StoreName name, int number);

    [Fact]
    public async Task Secret_values_are_sealed_at_rest_and_opened_with_the_key_only()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, Secret(), ConfigMap("web")), None);
        await store.SaveAsync(Revision(2, RevisionStatus.Pending), None);
        await store.AppendAsync(2, Applied(Secret()), None);

        var atRest = await ReadAtRestAsync(Name);
        foreach (var secret in new[] { Password, StringDataToken, "5432" })
        {
            Assert.DoesNotContain(secret, atRest, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), atRest, StringComparison.Ordinal);
        }

        Assert.Contains("$sealed", atRest, StringComparison.Ordinal);
        foreach (var number in new[] { 1, 2 })
        {
            var opened = (await (await OpenAsync()).GetAsync(number, None))!.Inventory.Single(e => e.Address == SecretAddress);
            var masked = (await (await OpenAsync(withoutKey: true)).GetAsync(number, None))!.Inventory.Single(e => e.Address == SecretAddress);
            Assert.Equal(Password, (string?)opened.Applied.Object["data"]!["password"]);
            Assert.Equal(5432, (int?)opened.Applied.Object["data"]!["port"]);
            Assert.Equal(StringDataToken, (string?)opened.Applied.Object["stringData"]!["token"]);
            Assert.True(SealedValues.IsMasked(masked));
            Assert.False(SealedValues.IsMasked(opened));
        }
    }

    [Fact]
    public async Task Another_key_cannot_open_the_secret_values()
    {
        await (await OpenAsync()).SaveAsync(Revision(1, RevisionStatus.Deployed, Secret()), None);
        var other = await OpenAsync(key: StateKey.Generate());

        var error = await Assert.ThrowsAsync<StateFileException>(() => other.GetAsync(1, None));

        Assert.Equal("Cannot decrypt secret values in the state", error.Summary);
        Assert.Contains(RevisionNameOf(Name, 1), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_a_secret_is_never_stored()
    {
        var store = await OpenAsync(withoutKey: true);
        await store.SaveAsync(Revision(1, RevisionStatus.Pending, ConfigMap("web")), None);

        await Assert.ThrowsAsync<StateKeyException>(() => store.SaveAsync(Revision(2, RevisionStatus.Pending, Secret()), None));
        await Assert.ThrowsAsync<StateKeyException>(() => store.AppendAsync(1, Applied(Secret()), None));

        Assert.DoesNotContain(Password, await ReadAtRestAsync(Name), StringComparison.Ordinal);
        Assert.Equal([1], (await store.ListAsync(None)).Select(r => r.Number));
        Assert.Equal(["web"], (await store.GetAsync(1, None))!.Inventory.Select(e => e.Address.Name));
    }

    [Fact]
    public async Task A_revision_from_a_newer_format_version_is_refused()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("web")), None);
        await EditStoredRevisionAsync(Name, 1, bytes => EditJson(bytes, root => root["formatVersion"] = 2));

        foreach (var read in Reads(await OpenAsync(), 1, newest: true))
        {
            var error = await Assert.ThrowsAsync<StateFileException>(read);
            Assert.Equal("State file is from a newer Declarative", error.Summary);
            Assert.Contains("format version 2", error.Message, StringComparison.Ordinal);
            Assert.Contains(RevisionNameOf(Name, 1), error.Message, StringComparison.Ordinal);
            Assert.StartsWith("Upgrade Declarative", error.Details[^1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_journal_record_from_a_newer_format_version_is_refused()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Revision(1, RevisionStatus.Pending), None);
        await store.AppendAsync(1, Applied(ConfigMap("a")), None);
        await store.AppendAsync(1, Applied(ConfigMap("b")), None);
        await EditStoredJournalRecordAsync(Name, 1, 0, bytes => EditJson(bytes, root => root["formatVersion"] = 2));

        var error = await Assert.ThrowsAsync<StateFileException>(async () => await (await OpenAsync()).GetAsync(1, None));

        Assert.Equal("State file is from a newer Declarative", error.Summary);
        Assert.Contains("format version 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(JournalNameOf(Name, 1), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("not an object")]
    [InlineData("no status")]
    public async Task A_corrupt_revision_is_reported_with_its_name_and_never_dropped(string damage)
    {
        var store = await OpenAsync();
        await store.SaveAsync(Revision(1, RevisionStatus.Superseded, ConfigMap("web")), None);
        await store.SaveAsync(Revision(2, RevisionStatus.Deployed, ConfigMap("web", "v2")), None);
        await EditStoredRevisionAsync(Name, 1, bytes => damage switch
        {
            "truncated" => bytes[..(bytes.Length / 2)],
            "not an object" => "[1, 2]"u8.ToArray(),
            _ => EditJson(bytes, root => root.Remove("status")),
        });

        foreach (var read in Reads(await OpenAsync(), 1, newest: false))
        {
            var error = await Assert.ThrowsAsync<StateFileException>(read);
            Assert.Equal("State file is unreadable", error.Summary);
            Assert.Contains(RevisionNameOf(Name, 1), error.Message, StringComparison.Ordinal);
        }

        AssertSameRevision(Revision(2, RevisionStatus.Deployed, ConfigMap("web", "v2")), (await (await OpenAsync()).GetAsync(2, None))!);
    }

    [Fact]
    public async Task A_corrupt_journal_record_is_reported_with_its_name()
    {
        var store = await OpenAsync();
        await store.SaveAsync(Revision(1, RevisionStatus.Pending), None);
        await store.AppendAsync(1, Applied(ConfigMap("a")), None);
        await store.AppendAsync(1, Applied(ConfigMap("b")), None);
        await EditStoredJournalRecordAsync(Name, 1, 0, bytes => [.. bytes[..20], (byte)'\n']);

        foreach (var read in Reads(await OpenAsync(), 1, newest: true))
        {
            var error = await Assert.ThrowsAsync<StateFileException>(read);
            Assert.Equal("State file is unreadable", error.Summary);
            Assert.Contains(JournalNameOf(Name, 1), error.Message, StringComparison.Ordinal);
            Assert.Contains("is not a valid journal record", error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Every way to read revision <paramref name="number"/>: by number, in the list, and as the newest when
    /// it is the newest.</summary>
    private static IEnumerable<Func<Task>> Reads(IStateStore store, int number, bool newest)
    {
        yield return () => store.GetAsync(number, None);
        yield return () => store.ListAsync(None);
        if (newest)
        {
            yield return () => store.GetLatestAsync(None);
        }
    }

    private static byte[] EditJson(byte[] bytes, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(bytes)!.AsObject();
        edit(root);
        return Encoding.UTF8.GetBytes(root.ToJsonString() + "\n");
    }
}
