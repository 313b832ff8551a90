using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Core.State;
using Declarative.Providers.Kubernetes.State;
using static Declarative.Providers.Kubernetes.Tests.State.StateSamples;

namespace Declarative.Providers.Kubernetes.Tests.State;

/// <summary>Revisions and journals through the Kubernetes store, against the API double over HTTPS.</summary>
public sealed class KubernetesStateStoreTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private StoreDouble _double = null!;

    public async Task InitializeAsync() => _double = await StoreDouble.StartAsync();

    public async Task DisposeAsync() => await _double.DisposeAsync();

    [Fact]
    public async Task Saved_revisions_list_oldest_first_and_read_back_equal_from_another_store()
    {
        var store = _double.Store("save");
        var first = Revision(1, RevisionStatus.Superseded, ConfigMap("a"));
        var second = Revision(2, RevisionStatus.Deployed, ConfigMap("a", "v2"), ConfigMap("b"));

        await store.SaveAsync(first, None);
        await store.SaveAsync(second, None);
        var reader = _double.Store("save");

        Assert.Equal([Text(first), Text(second)], (await reader.ListAsync(None)).Select(Text));
        Assert.Equal(Text(second), Text((await reader.GetLatestAsync(None))!));
        Assert.Equal(Text(first), Text((await reader.GetAsync(1, None))!));
        Assert.Null(await reader.GetAsync(3, None));
        Assert.Null(await _double.Store("nothing-here").GetLatestAsync(None));
    }

    [Fact]
    public async Task A_revision_is_a_head_and_a_part_labelled_so_one_list_finds_the_history()
    {
        var store = _double.Store("labels");
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("a")), None);

        var secrets = await _double.SecretsAsync("labels");

        var head = Assert.Single(secrets, s => StateLabels.Name(s) == "decl.labels.dev.r000001");
        var part = Assert.Single(secrets, s => StateLabels.Name(s) == "decl.labels.dev.r000001.g1.p0");
        Assert.Equal(2, secrets.Length);
        Assert.Equal("declarative.dev/revision.v1", head["type"]!.GetValue<string>());
        Assert.Equal("deployed", StateLabels.Label(head, StateLabels.Status));
        Assert.Equal("1", StateLabels.Label(head, StateLabels.Revision));
        Assert.Equal("labels", StateLabels.Label(head, WellKnown.ProjectLabel));
        Assert.Equal("dev", StateLabels.Label(head, WellKnown.EnvironmentLabel));
        Assert.Null(StateLabels.Label(head, WellKnown.ManagedByLabel));
        Assert.Null(head["data"]);
        Assert.Equal("0", StateLabels.Label(part, StateLabels.Part));
        Assert.Equal("1", StateLabels.Annotation(part, StateLabels.Parts));
    }

    [Fact]
    public async Task Saving_a_revision_again_replaces_its_parts_and_leaves_no_old_generation()
    {
        var store = _double.Store("resave");
        await store.SaveAsync(Revision(1, RevisionStatus.Pending, ConfigMap("a")), None);
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("a"), ConfigMap("b")), None);

        var secrets = await _double.SecretsAsync("resave");

        Assert.Equal(["decl.resave.dev.r000001", "decl.resave.dev.r000001.g2.p0"], secrets.Select(StateLabels.Name).Order(StringComparer.Ordinal));
        Assert.Equal(RevisionStatus.Deployed, (await store.GetAsync(1, None))!.Status);
        Assert.Equal(2, (await store.GetAsync(1, None))!.Inventory.Length);
    }

    [Fact]
    public async Task Secret_values_are_sealed_in_the_cluster_and_masked_without_the_key()
    {
        var store = _double.Store("sealed");
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, Secret()), None);

        var stored = Encoding.UTF8.GetString(Gunzip(SecretPayload.DataOf((await _double.SecretsAsync("sealed", $"{StateLabels.Record}={StateLabels.PartRecord}")).Single())!));
        var withKey = (await store.GetLatestAsync(None))!.Inventory.Single().Applied.Object;
        var withoutKey = (await _double.Store("sealed", o => o with { Key = null }).GetLatestAsync(None))!.Inventory.Single().Applied.Object;

        Assert.DoesNotContain(Password, stored, StringComparison.Ordinal);
        Assert.Contains("$sealed", stored, StringComparison.Ordinal);
        Assert.Equal(Password, withKey["data"]!["password"]!.GetValue<string>());
        Assert.Equal("(sensitive)", withoutKey["data"]!["password"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_pending_revision_reads_with_its_journal_replayed_and_its_final_save_drops_the_journal()
    {
        var store = _double.Store("journal");
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("old"), ConfigMap("kept")), None);
        await store.SaveAsync(Revision(2, RevisionStatus.Pending, ConfigMap("old"), ConfigMap("kept")), None);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => store.AppendAsync(2, new JournalRecord.Applied(ConfigMap($"new-{i:D2}")), None)));
        await store.AppendAsync(2, new JournalRecord.Deleted(ConfigMapAddress("old")), None);
        var pending = (await _double.Store("journal").GetLatestAsync(None))!;
        var journalSecrets = await _double.SecretsAsync("journal", $"{StateLabels.Record}={StateLabels.JournalRecord}");

        Assert.Equal(RevisionStatus.Pending, pending.Status);
        Assert.Equal(["kept", .. Enumerable.Range(0, 20).Select(i => $"new-{i:D2}")], pending.Inventory.Select(e => e.Address.Name).Order(StringComparer.Ordinal));
        Assert.InRange(journalSecrets.Length, 2, 21);
        Assert.Equal(journalSecrets.Length, store.JournalBatches(2));
        Assert.All(journalSecrets, s => Assert.Equal("declarative.dev/journal.v1", s["type"]!.GetValue<string>()));

        await store.SaveAsync(pending with { Status = RevisionStatus.Deployed }, None);

        Assert.Empty(await _double.SecretsAsync("journal", $"{StateLabels.Record}={StateLabels.JournalRecord}"));
        Assert.Equal(21, (await store.GetAsync(2, None))!.Inventory.Length);
    }

    [Fact]
    public async Task Records_of_one_address_replay_in_the_order_they_were_appended()
    {
        var store = _double.Store("order");
        await store.SaveAsync(Revision(1, RevisionStatus.Pending), None);

        await store.AppendAsync(1, new JournalRecord.Applied(ConfigMap("web", "v1")), None);
        await store.AppendAsync(1, new JournalRecord.Applied(ConfigMap("web", "v2")), None);
        await store.AppendAsync(1, new JournalRecord.Deleted(ConfigMapAddress("web")), None);
        await store.AppendAsync(1, new JournalRecord.Applied(ConfigMap("web", "v3")), None);

        var entry = Assert.Single((await _double.Store("order").GetAsync(1, None))!.Inventory);
        Assert.Equal("v3", entry.Applied.Object["data"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Appending_to_a_revision_that_was_never_saved_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _double.Store("unsaved").AppendAsync(7, new JournalRecord.Applied(ConfigMap("a")), None));

        Assert.Contains("save it pending before recording to its journal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_batch_without_its_part_0_never_completed_and_is_ignored()
    {
        var store = _double.Store("torn");
        await store.SaveAsync(Revision(1, RevisionStatus.Pending), None);
        await store.AppendAsync(1, new JournalRecord.Applied(ConfigMap("written")), None);
        var client = _double.Client();
        var batch = (await _double.SecretsAsync("torn", $"{StateLabels.Record}={StateLabels.JournalRecord}")).Single();
        batch["metadata"]!["name"] = "decl.torn.dev.r000001.g1.j000002.p1";
        batch["metadata"]!["labels"]![StateLabels.Sequence] = "2";
        batch["metadata"]!["labels"]![StateLabels.Part] = "1";
        batch["metadata"]!.AsObject().Remove("resourceVersion");
        batch["metadata"]!.AsObject().Remove("uid");
        await client.CreateAsync(StateApi.Secrets, batch, new Kubernetes.Client.KubeCreateOptions(), None);

        var revision = (await _double.Store("torn").GetAsync(1, None))!;

        Assert.Equal(["written"], revision.Inventory.Select(e => e.Address.Name));
    }

    [Fact]
    public async Task A_thousand_objects_are_split_over_secrets_none_over_the_limit_and_reload_equal()
    {
        var store = _double.Store("thousand");
        var revision = Revision(1, RevisionStatus.Deployed, [.. Enumerable.Range(0, 1000).Select(i => ConfigMap($"cm-{i:D4}", filler: 1500))]);

        await store.SaveAsync(revision, None);
        var parts = await _double.SecretsAsync("thousand", $"{StateLabels.Record}={StateLabels.PartRecord}");
        var reloaded = await _double.Store("thousand").GetLatestAsync(None);

        Assert.True(parts.Length >= 3, $"{parts.Length} parts");
        Assert.All(parts, p => Assert.InRange(SecretPayload.DataOf(p)!.Length, 1, SecretPayload.DefaultChunkBytes));
        Assert.Equal(Text(revision), Text(reloaded!));
    }

    [Fact]
    public async Task The_server_refuses_one_secret_over_1_MiB_which_is_why_payloads_are_split()
    {
        var secret = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = "too-big", ["namespace"] = "default" },
            ["data"] = new JsonObject { ["payload"] = Convert.ToBase64String(new byte[SecretPayload.SecretDataLimit + 1]) },
        };

        var error = await Assert.ThrowsAsync<Kubernetes.Client.KubeApiException>(() => _double.Client().CreateAsync(StateApi.Secrets, secret, new Kubernetes.Client.KubeCreateOptions(), None));

        Assert.True(error.IsInvalid);
        Assert.Contains("data: Too long: must have at most 1048576 bytes", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => SecretPayload.Of([], SecretPayload.SecretDataLimit + 1));
    }

    [Fact]
    public async Task Ten_thousand_objects_store_and_load()
    {
        var store = _double.Store("ten-thousand");
        var revision = Revision(1, RevisionStatus.Deployed, [.. Enumerable.Range(0, 10_000).Select(i => ConfigMap($"cm-{i:D5}", filler: 200))]);

        await store.SaveAsync(revision, None);
        var reloaded = await _double.Store("ten-thousand").GetLatestAsync(None);

        Assert.Equal(10_000, reloaded!.Inventory.Length);
        Assert.Equal(Text(revision), Text(reloaded));
        Assert.All(await _double.SecretsAsync("ten-thousand"), s => Assert.True((SecretPayload.DataOf(s)?.Length ?? 0) <= SecretPayload.DefaultChunkBytes));
    }

    [Fact]
    public async Task A_missing_part_is_reported_with_the_secret_names()
    {
        var store = _double.Store("missing", o => o with { ChunkBytes = 16 * 1024 });
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, [.. Enumerable.Range(0, 40).Select(i => ConfigMap($"cm-{i:D2}", filler: 1000))]), None);
        await _double.Client().DeleteAsync(StateApi.Secrets, StoreDouble.Namespace, "decl.missing.dev.r000001.g1.p1", DeletePropagation.Background, None);

        var error = await Assert.ThrowsAsync<StateFileException>(() => store.ListAsync(None));

        Assert.Equal("State file is unreadable", error.Summary);
        Assert.Equal("Secret declarative-system/decl.missing.dev.r000001", error.Path);
        Assert.Contains("part(s) 1 are missing", error.Details[0], StringComparison.Ordinal);
        Assert.Contains("decl.missing.dev.r000001.g1.p0, decl.missing.dev.r000001.g1.p2", error.Details[0], StringComparison.Ordinal);
        Assert.Contains("kubectl delete secret -n declarative-system", error.Details[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_part_changed_in_the_cluster_fails_its_checksum()
    {
        var store = _double.Store("changed");
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("a")), None);
        var part = (await _double.SecretsAsync("changed", $"{StateLabels.Record}={StateLabels.PartRecord}")).Single();
        await _double.Client().JsonPatchAsync(StateApi.Secrets, StoreDouble.Namespace, StateLabels.Name(part), [StateApi.Add("/data/payload", Convert.ToBase64String(Encoding.UTF8.GetBytes("not the payload")))], "test", None);

        var error = await Assert.ThrowsAsync<StateFileException>(() => store.GetAsync(1, None));

        Assert.Contains("do not match their checksum", error.Details[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revision_in_a_newer_format_is_refused()
    {
        var store = _double.Store("newer");
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("a")), None);
        var part = (await _double.SecretsAsync("newer", $"{StateLabels.Record}={StateLabels.PartRecord}")).Single();
        var text = System.Text.RegularExpressions.Regex.Replace(Encoding.UTF8.GetString(Gunzip(SecretPayload.DataOf(part)!)), "\"formatVersion\":\\s*1", "\"formatVersion\": 9");
        var payload = SecretPayload.Of(Encoding.UTF8.GetBytes(text), SecretPayload.DefaultChunkBytes);
        var client = _double.Client();
        var head = (await _double.SecretsAsync("newer", $"{StateLabels.Record}={StateLabels.HeadRecord}")).Single();
        await client.JsonPatchAsync(StateApi.Secrets, StoreDouble.Namespace, StateLabels.Name(part), [StateApi.Add("/data/payload", Convert.ToBase64String(payload.Parts[0])), StateApi.Add("/metadata/annotations/declarative.dev~1checksum", payload.Checksum)], "test", None);
        await client.JsonPatchAsync(StateApi.Secrets, StoreDouble.Namespace, StateLabels.Name(head), [StateApi.Add("/metadata/annotations/declarative.dev~1checksum", payload.Checksum)], "test", None);

        var error = await Assert.ThrowsAsync<StateFileException>(() => store.GetLatestAsync(None));

        Assert.Contains("\"formatVersion\": 9", text, StringComparison.Ordinal);
        Assert.Equal("State file is from a newer Declarative", error.Summary);
        Assert.Contains("Secret declarative-system/decl.newer.dev.r000001 has format version 9", error.Details[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_removes_every_secret_of_the_revision()
    {
        var store = _double.Store("delete");
        await store.SaveAsync(Revision(1, RevisionStatus.Superseded, ConfigMap("a")), None);
        await store.SaveAsync(Revision(2, RevisionStatus.Pending, ConfigMap("a")), None);
        await store.AppendAsync(2, new JournalRecord.Applied(ConfigMap("b")), None);

        await store.DeleteAsync(2, None);
        await store.DeleteAsync(9, None);

        Assert.Equal([1], (await store.ListAsync(None)).Select(r => r.Number));
        Assert.All(await _double.SecretsAsync("delete"), s => Assert.Equal("1", StateLabels.Label(s, StateLabels.Revision)));
    }

    private static byte[] Gunzip(byte[] compressed)
    {
        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
