using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Schemas;

namespace Declarative.Core.Manifests;

/// <summary>
/// The <c>state</c> map of declarative.yaml as <see cref="StateSettingsReader"/> reads it and as the JSON Schema says
/// it: the backends by their word, and which backend each other field belongs to (a field of another backend is
/// DCL504; postgres needs its connection).
/// </summary>
internal static class StateSettingsFormat
{
    public const string NamespacePattern = "[a-z0-9](?:[-a-z0-9]*[a-z0-9])?";
    public const int NamespaceMaxLength = 63;
    public const string VariablePattern = "[A-Za-z_][A-Za-z0-9_]*";

    public static readonly FrozenDictionary<string, StateBackend> Backends = new Dictionary<string, StateBackend>(StringComparer.Ordinal)
    {
        ["local"] = StateBackend.Local,
        ["kubernetes"] = StateBackend.Kubernetes,
        ["postgres"] = StateBackend.Postgres,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Each field other than backend, and the only backend that takes it, in the order problems are reported.</summary>
    public static readonly ImmutableArray<(string Field, StateBackend Owner)> Owners =
    [
        ("namespace", StateBackend.Kubernetes),
        ("context", StateBackend.Kubernetes),
        ("connection", StateBackend.Postgres),
        ("leaseDuration", StateBackend.Kubernetes),
    ];

    public static readonly FormatNode Node = new("Where the environments' revisions live (docs/state.md). An environment's own state replaces spec.state whole.")
    {
        Type = "object",
        Closed = true,
        Fields =
        [
            new("backend", new FormatNode("The state store: local (the default), kubernetes or postgres.") { Type = "string", Enum = [.. Backends.Keys.Order(StringComparer.Ordinal)] }),
            new("namespace", new FormatNode("kubernetes only: the namespace of the Secrets and the Lease. Default: declarative-system.") { Type = "string", Pattern = NamespacePattern, MaxLength = NamespaceMaxLength }),
            new("context", new FormatNode("kubernetes only: the kubeconfig context of the cluster that holds the state. Default: the environment's context.") { Type = "string", MinLength = 1 }),
            new("connection", new FormatNode("postgres only, required: where the connection string is read from, env:VARIABLE or file:PATH (relative to the project root). Never the connection string itself.") { Type = "string", Pattern = $@"env:{VariablePattern}|file:[\s\S]*\S[\s\S]*" }),
            new("leaseDuration", new FormatNode("kubernetes only: how long the lock's Lease protects a run that stopped renewing it, a Go duration of at least 1s (60s, 2m). Default: 60s.") { Type = "string" }),
        ],
        Conditions = [.. Backends.Where(b => b.Value != StateBackend.Local).OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => Condition(b.Key, b.Value))],
    };

    public static string Word(StateBackend backend) => Backends.First(pair => pair.Value == backend).Key;

    /// <summary>With this backend its own fields may be there (postgres: must); with any other they must not.</summary>
    private static FormatCondition Condition(string word, StateBackend backend) => new(
        "backend",
        word,
        backend == StateBackend.Postgres ? () => new JsonObject { ["required"] = new JsonArray("connection") } : null,
        () => new JsonObject
        {
            ["properties"] = new JsonObject([.. Owners.Where(o => o.Owner == backend).Select(o => KeyValuePair.Create(o.Field, (JsonNode?)false))]),
        });
}
