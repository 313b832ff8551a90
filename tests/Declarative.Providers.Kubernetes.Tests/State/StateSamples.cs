using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Providers.Kubernetes.Tests.State;

/// <summary>Revisions, inventory entries and lock records for the Kubernetes store's tests.</summary>
internal static class StateSamples
{
    public const string Password = "hunter2-correct-horse";

    public static readonly DateTimeOffset Start = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static readonly TargetIdentity Target = new("https://127.0.0.1:6443", "kind-dev", "default", null);

    public static StateKey Key { get; } = StateKey.FromBytes([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    public static ResourceAddress ConfigMapAddress(string name) => new(string.Empty, string.Empty, "ConfigMap", "default", name);

    /// <param name="filler">Bytes of random (barely compressible) data in the ConfigMap, to make a revision large.</param>
    public static InventoryEntry ConfigMap(string name, string value = "v1", int filler = 0)
    {
        var data = new JsonObject { ["key"] = value };
        if (filler > 0)
        {
            data["filler"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(filler));
        }

        var content = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
            ["data"] = data,
        };
        return new InventoryEntry(
            "kubernetes",
            new AppliedResource(
                ConfigMapAddress(name),
                new ResourceType("v1", "ConfigMap"),
                content,
                new ResourceOutputs(ImmutableSortedDictionary<string, string>.Empty.Add("uid", $"uid-{name}")),
                new Fingerprint($"hash-{name}-{value}", $"uid-{name}", 1)),
            []);
    }

    public static InventoryEntry Secret() => new(
        "kubernetes",
        new AppliedResource(
            new ResourceAddress(string.Empty, string.Empty, "Secret", "default", "db"),
            new ResourceType("v1", "Secret"),
            JsonNode.Parse($$$"""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"db","namespace":"default"},"type":"Opaque","data":{"password":"{{{Password}}}"}}""")!.AsObject(),
            ResourceOutputs.Empty,
            new Fingerprint("hash-db", "uid-db", null)),
        ["data"]);

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
        [.. inventory.OrderBy(e => e.Address)],
        [],
        new RevisionSummary(inventory.Length, 0, 0, 0, 0),
        "decl apply --env dev");

    /// <summary>How a revision compares: its bytes as every store writes them (no key, so no secret values).</summary>
    public static string Text(Revision revision) => System.Text.Encoding.UTF8.GetString(RevisionCodec.EncodeRevision(revision, null, "test"));

    public static LockRecord Requester(string command = "decl apply --env dev", int pid = 4312, string host = "ci-7") =>
        new("alice", host, pid, DateTimeOffset.UtcNow, command);
}
