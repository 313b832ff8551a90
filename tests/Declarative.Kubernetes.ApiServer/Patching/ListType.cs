using System.Collections.Immutable;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>How a list merges (x-kubernetes-list-type): atomic (replaced whole), set (items are values), or map
/// (items matched by <see cref="Keys"/>; <see cref="KeyDefaults"/> fill keys the schema defaults, e.g. protocol TCP).</summary>
internal sealed record ListType(string Kind, ImmutableArray<string> Keys, ImmutableDictionary<string, string> KeyDefaults)
{
    public static readonly ListType Atomic = new("atomic", [], ImmutableDictionary<string, string>.Empty);

    public static readonly ListType Set = new("set", [], ImmutableDictionary<string, string>.Empty);

    public bool IsAtomic => Kind == "atomic";

    public bool IsSet => Kind == "set";

    public bool IsMap => Kind == "map";

    public static ListType Map(params string[] keys) => new("map", [.. keys], ImmutableDictionary<string, string>.Empty);

    public static ListType MapWithProtocol(string portKey) =>
        new("map", [portKey, "protocol"], ImmutableDictionary<string, string>.Empty.Add("protocol", "TCP"));
}
