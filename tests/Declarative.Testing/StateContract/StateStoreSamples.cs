using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Graph;
using Declarative.Core.Providers;
using Declarative.Core.State;
using Xunit;

namespace Declarative.Testing.StateContract;

/// <summary>Revisions, inventory entries and a Secret for the state store contract (<see cref="StateStoreContract"/>).</summary>
public static class StateStoreSamples
{
    public const string Password = "hunter2-correct-horse";
    public const string StringDataToken = "tok-9f8e7d6c5b4a";

    public static readonly DateTimeOffset Start = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static readonly TargetIdentity Target = new("https://127.0.0.1:6443", "kind-dev", "default", null);

    public static ResourceAddress ConfigMapAddress(string name) => new(string.Empty, string.Empty, "ConfigMap", "default", name);

    public static ResourceAddress SecretAddress { get; } = new(string.Empty, string.Empty, "Secret", "default", "db");

    public static InventoryEntry ConfigMap(string name, string value = "v1") => new(
        "kubernetes",
        new AppliedResource(
            ConfigMapAddress(name),
            new ResourceType("v1", "ConfigMap"),
            JsonNode.Parse($$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{{name}}}","namespace":"default"},"data":{"key":"{{{value}}}"}}""")!.AsObject(),
            new ResourceOutputs(ImmutableSortedDictionary<string, string>.Empty.Add("uid", $"uid-{name}")),
            new Fingerprint($"hash-{name}-{value}", $"uid-{name}", 1)),
        []);

    public static InventoryEntry Secret() => new(
        "kubernetes",
        new AppliedResource(
            SecretAddress,
            new ResourceType("v1", "Secret"),
            JsonNode.Parse($$$"""
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"db","namespace":"default"},"type":"Opaque",
                 "data":{"password":"{{{Password}}}","port":5432},"stringData":{"token":"{{{StringDataToken}}}"}}
                """)!.AsObject(),
            ResourceOutputs.Empty,
            new Fingerprint("hash-db", "uid-db", null)),
        ["data", "stringData"]);

    public static JournalRecord Applied(InventoryEntry entry) => new JournalRecord.Applied(entry);

    public static Revision Revision(int number, RevisionStatus status, params InventoryEntry[] inventory) => new(
        number,
        RevisionOperation.Apply,
        null,
        status,
        "alice",
        Start.AddMinutes(number),
        status == RevisionStatus.Pending ? null : Start.AddMinutes(number).AddSeconds(30),
        "0123abcd",
        "0.1.0",
        Target,
        [.. inventory],
        inventory.Length < 2 ? [] : [new Edge(inventory[0].Address, inventory[1].Address, "spec.volumes[0].secret.secretName", DependencyKind.Required)],
        new RevisionSummary(inventory.Length, 0, 0, 0, 0),
        "decl apply --env dev --set image.tag=***");

    /// <summary>A holder on a host that is not this one, so its pid is never checked here.</summary>
    public static LockRecord Requester(string command = "decl apply --env dev", int pid = 4312) =>
        new("alice", "ci-7", pid, Start, command);

    /// <summary>Fails unless the two revisions are the same (records holding JSON and arrays compare by content).</summary>
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
            Assert.True(JsonNode.DeepEquals(want.Applied.Object, got.Applied.Object), $"Expected {want.Applied.Object.ToJsonString()} but got {got.Applied.Object.ToJsonString()}");
        }
    }
}
