using System.Collections.Immutable;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Core.State;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.State;
using Declarative.Testing.StateContract;

namespace Declarative.Providers.Kubernetes.Tests.State;

/// <summary>
/// The shared store contract for the Kubernetes store, against the API double over HTTPS (one double for the class,
/// a project per test). Another process is another store with its own client. A holder dies as a killed run does:
/// its client goes (so it renews nothing more, and releases nothing) and its Lease expires, which takes a couple of
/// seconds with the short lease of these tests. Payloads are cut into small parts, so the at-rest hooks read and
/// damage revisions and journal batches spread over several Secrets: they gunzip the joined parts, edit, and write
/// them back consistently (part count and checksum), as a writer with a bug would, so the store must find the
/// damage in the content itself.
/// </summary>
public sealed class KubernetesStateStoreContractTests(KubernetesStoreDouble fixture) : StateStoreContract, IClassFixture<KubernetesStoreDouble>
{
    /// <summary>Short enough to wait out in a test, long enough that a busy machine renews in time (every third).</summary>
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(3);

    /// <summary>Small parts: every revision and most journal batches of the contract span several Secrets.</summary>
    private const int ChunkBytes = 512;

    private readonly Dictionary<IStateLock, KubeClient> lockClients = [];
    private readonly List<KubeClient> clients = [];

    private StoreDouble Double => fixture.Double;

    private KubeClient Admin => fixture.Admin;

    protected override Task<IStateStore> OpenStoreAsync(StoreName name, StateKey? key)
    {
        var client = Double.Client();
        clients.Add(client);
        var store = new KubernetesStateStore(client, new KubernetesStateOptions(StoreDouble.Namespace, name.Project, name.Environment)
        {
            ClusterName = "double",
            Key = key,
            LeaseDuration = LeaseDuration,
            ChunkBytes = ChunkBytes,
        });
        return Task.FromResult<IStateStore>(new ClientTrackingStore(store, client, lockClients));
    }

    /// <summary>The holder's client goes (its renewal fails from then on, and nothing is released); then wait for its
    /// Lease to expire on the server's record.</summary>
    protected override async Task KillHolderAsync(StoreName name, IStateLock held)
    {
        lockClients[held].Dispose();
        var leaseName = StateObjectNames.BaseOf(name.Project, name.Environment);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var lease = LeaseState.Read((await Admin.GetAsync(StateApi.Leases, StoreDouble.Namespace, leaseName, CancellationToken.None))!);
            Assert.False(lease.IsFree, $"Lease {leaseName} was released by a holder that was killed.");
            if (lease.IsExpired(DateTimeOffset.UtcNow))
            {
                return;
            }

            Assert.True(clock.Elapsed < LeaseDuration * 5, $"Lease {leaseName} is still renewed {clock.Elapsed} after its holder's client went.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    protected override async Task<string> ReadAtRestAsync(StoreName name)
    {
        var text = new StringBuilder();
        var secrets = await SecretsAsync(name, null);
        foreach (var secret in secrets)
        {
            text.AppendLine(secret.ToJsonString());
        }

        foreach (var payload in secrets.Where(s => SecretPayload.DataOf(s) is not null).GroupBy(PayloadOf))
        {
            text.AppendLine(Encoding.UTF8.GetString(Assemble(payload)));
        }

        var lease = await Admin.GetAsync(StateApi.Leases, StoreDouble.Namespace, StateObjectNames.BaseOf(name.Project, name.Environment), CancellationToken.None);
        text.AppendLine(lease?.ToJsonString());
        return text.ToString();
    }

    protected override async Task EditStoredRevisionAsync(StoreName name, int number, Func<byte[], byte[]> edit)
    {
        var (head, generation, secrets) = await RevisionAsync(name, number);
        var parts = secrets.Where(s => Record(s) == StateLabels.PartRecord && StateLabels.IntLabel(s, StateLabels.Generation) == generation).ToList();
        Assert.True(parts.Count > 1, $"Revision {number} has {parts.Count} part(s): the contract should exercise split payloads.");
        var names = new StateObjectNames(name.Project, name.Environment);
        await RewriteAsync(head, parts, edit(Assemble(parts)), index => names.Part(number, generation, index));
    }

    protected override async Task EditStoredJournalRecordAsync(StoreName name, int number, int index, Func<byte[], byte[]> edit)
    {
        var (_, generation, secrets) = await RevisionAsync(name, number);
        var batches = secrets
            .Where(s => Record(s) == StateLabels.JournalRecord && StateLabels.IntLabel(s, StateLabels.Generation) == generation)
            .GroupBy(s => StateLabels.IntLabel(s, StateLabels.Sequence)!.Value)
            .OrderBy(b => b.Key);
        var names = new StateObjectNames(name.Project, name.Environment);
        var skipped = 0;
        foreach (var batch in batches)
        {
            var lines = Lines(Assemble(batch));
            if (index - skipped < lines.Count)
            {
                lines[index - skipped] = edit(lines[index - skipped]);
                await RewriteAsync(null, [.. batch], [.. lines.SelectMany(l => l)], part => names.JournalPart(number, generation, batch.Key, part));
                return;
            }

            skipped += lines.Count;
        }

        Assert.Fail($"Revision {number} of {name} has {skipped} journal record(s), not {index + 1}.");
    }

    protected override string RevisionNameOf(StoreName name, int number) =>
        $"Secret {StoreDouble.Namespace}/{new StateObjectNames(name.Project, name.Environment).Head(number)}";

    /// <summary>A journal batch's part 0 (<c>decl.p.e.r000001.g1.j000001.p0</c>): its generation and batch number
    /// depend on the writes, so this is the part of the name the revision fixes.</summary>
    protected override string JournalNameOf(StoreName name, int number) => RevisionNameOf(name, number) + ".g";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task A_journal_record_damaged_in_its_batch_is_named_by_the_batch_and_its_line()
    {
        var store = await OpenAsync();
        await store.SaveAsync(StateStoreSamples.Revision(1, RevisionStatus.Pending), None);
        await store.AppendAsync(1, StateStoreSamples.Applied(StateStoreSamples.ConfigMap("a")), None);
        await store.AppendAsync(1, StateStoreSamples.Applied(StateStoreSamples.ConfigMap("b")), None);
        await EditStoredJournalRecordAsync(Name, 1, 1, bytes => [.. bytes[..20], (byte)'\n']);

        var error = await Assert.ThrowsAsync<StateFileException>(async () => await (await OpenAsync()).GetAsync(1, None));

        Assert.StartsWith($"{RevisionNameOf(Name, 1)}.g1.j000002.p0 line 1 is not a valid journal record.", error.Details[0], StringComparison.Ordinal);
        Assert.Equal(
            $"Restore the Secrets from a backup, or delete that journal batch's Secrets to read the revision without it (what its records recorded is then missing from the inventory): kubectl delete secret -n {StoreDouble.Namespace} -l declarative.dev/project={Name.Project},declarative.dev/environment={Name.Environment},declarative.dev/revision=1,declarative.dev/generation=1,declarative.dev/sequence=2.",
            error.Details[^1]);
    }

    [Fact]
    public async Task A_damaged_revision_says_how_to_restore_or_drop_its_secrets()
    {
        var store = await OpenAsync();
        await store.SaveAsync(StateStoreSamples.Revision(1, RevisionStatus.Deployed, StateStoreSamples.ConfigMap("web"), StateStoreSamples.ConfigMap("api")), None);
        await EditStoredRevisionAsync(Name, 1, bytes => bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<StateFileException>(async () => await (await OpenAsync()).GetAsync(1, None));

        Assert.Equal(RevisionNameOf(Name, 1), error.Path);
        Assert.Equal(
            $"Restore the Secrets from a backup, or delete that revision's Secrets to drop it from the history (kubectl delete secret -n {StoreDouble.Namespace} -l declarative.dev/project={Name.Project},declarative.dev/environment={Name.Environment},declarative.dev/revision=1).",
            error.Details[^1]);
    }

    /// <summary>The stored parts of one payload: a revision's generation, or one journal batch.</summary>
    private static (string Record, int? Revision, int? Generation, int? Sequence) PayloadOf(JsonObject secret) =>
        (Record(secret)!, StateLabels.IntLabel(secret, StateLabels.Revision), StateLabels.IntLabel(secret, StateLabels.Generation), StateLabels.IntLabel(secret, StateLabels.Sequence));

    private static string? Record(JsonObject secret) => StateLabels.Label(secret, StateLabels.Record);

    /// <summary>The content of a payload's parts: joined in part order, then gunzipped.</summary>
    private static byte[] Assemble(IEnumerable<JsonObject> parts)
    {
        var joined = parts
            .OrderBy(p => StateLabels.IntLabel(p, StateLabels.Part))
            .SelectMany(p => Convert.FromBase64String(p["data"]![SecretPayload.DataKey]!.GetValue<string>()))
            .ToArray();
        using var gzip = new GZipStream(new MemoryStream(joined), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>Newline-ended lines, each keeping its newline.</summary>
    private static List<byte[]> Lines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lines.Add(bytes[start..(i + 1)]);
                start = i + 1;
            }
        }

        Assert.Equal(bytes.Length, start);
        return lines;
    }

    private async Task<(JsonObject Head, int Generation, ImmutableArray<JsonObject> Secrets)> RevisionAsync(StoreName name, int number)
    {
        var secrets = await SecretsAsync(name, $"{StateLabels.Revision}={number}");
        var head = Assert.Single(secrets, s => Record(s) == StateLabels.HeadRecord);
        return (head, StateLabels.IntLabel(head, StateLabels.Generation)!.Value, secrets);
    }

    private async Task<ImmutableArray<JsonObject>> SecretsAsync(StoreName name, string? selector) =>
        (await Admin.ListAsync(StateApi.Secrets, StoreDouble.Namespace, StateLabels.Environment(name.Project, name.Environment) + (selector is null ? string.Empty : "," + selector), CancellationToken.None)).Items;

    /// <summary>Replaces the parts of one payload with <paramref name="content"/>, split as the store splits it, and
    /// points every part (and <paramref name="head"/>, for a revision) at the new part count and checksum.</summary>
    private async Task RewriteAsync(JsonObject? head, IReadOnlyList<JsonObject> parts, byte[] content, Func<int, string> partName)
    {
        var payload = SecretPayload.Of(content, ChunkBytes);
        var annotations = new JsonObject { [StateLabels.Parts] = StateLabels.Number(payload.Parts.Length), [StateLabels.Checksum] = payload.Checksum };
        var template = parts.Single(p => StateLabels.IntLabel(p, StateLabels.Part) == 0);
        foreach (var part in parts)
        {
            await Admin.DeleteAsync(StateApi.Secrets, StoreDouble.Namespace, StateLabels.Name(part), DeletePropagation.Background, CancellationToken.None);
        }

        for (var index = 0; index < payload.Parts.Length; index++)
        {
            var labels = template["metadata"]!["labels"]!.DeepClone().AsObject();
            labels[StateLabels.Part] = StateLabels.Number(index);
            var part = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Secret",
                ["metadata"] = new JsonObject
                {
                    ["name"] = partName(index),
                    ["namespace"] = StoreDouble.Namespace,
                    ["labels"] = labels,
                    ["annotations"] = annotations.DeepClone(),
                },
                ["type"] = template["type"]!.DeepClone(),
                ["data"] = SecretPayload.Data(payload.Parts[index]),
            };
            await Admin.CreateAsync(StateApi.Secrets, part, new KubeCreateOptions(), CancellationToken.None);
        }

        if (head is not null)
        {
            await Admin.JsonPatchAsync(StateApi.Secrets, StoreDouble.Namespace, StateLabels.Name(head), [StateApi.Add("/metadata/annotations", annotations)], "test", CancellationToken.None);
        }
    }

    /// <summary>The store as the contract sees it, remembering which client took each lock so that
    /// <see cref="KillHolderAsync"/> can take that client away.</summary>
    private sealed class ClientTrackingStore(KubernetesStateStore store, KubeClient client, Dictionary<IStateLock, KubeClient> lockClients) : IStateStore
    {
        public async Task<IStateLock> LockAsync(LockRecord requester, CancellationToken cancellationToken)
        {
            var held = await store.LockAsync(requester, cancellationToken);
            lock (lockClients)
            {
                lockClients[held] = client;
            }

            return held;
        }

        public Task<Revision?> GetLatestAsync(CancellationToken cancellationToken) => store.GetLatestAsync(cancellationToken);

        public Task<Revision?> GetAsync(int number, CancellationToken cancellationToken) => store.GetAsync(number, cancellationToken);

        public Task<ImmutableArray<Revision>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

        public Task SaveAsync(Revision revision, CancellationToken cancellationToken) => store.SaveAsync(revision, cancellationToken);

        public Task AppendAsync(int number, JournalRecord record, CancellationToken cancellationToken) => store.AppendAsync(number, record, cancellationToken);

        public Task DeleteAsync(int number, CancellationToken cancellationToken) => store.DeleteAsync(number, cancellationToken);

        public Task<LockRemoval> RemoveStaleLockAsync(CancellationToken cancellationToken) => store.RemoveStaleLockAsync(cancellationToken);

        public TimeSpan? LockExpiresAfter => store.LockExpiresAfter;
    }
}

/// <summary>One API double (and an admin client for the at-rest hooks) for all the contract's tests.</summary>
public sealed class KubernetesStoreDouble : IAsyncLifetime
{
    private StoreDouble? started;
    private KubeClient? admin;

    internal StoreDouble Double => started ?? throw new InvalidOperationException("The API double has not started.");

    internal KubeClient Admin => admin ?? throw new InvalidOperationException("The API double has not started.");

    public async Task InitializeAsync()
    {
        started = await StoreDouble.StartAsync();
        admin = started.Client();
    }

    public async Task DisposeAsync()
    {
        if (started is not null)
        {
            await started.DisposeAsync();
        }
    }
}
