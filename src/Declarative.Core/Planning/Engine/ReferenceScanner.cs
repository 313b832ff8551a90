using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Declarative.Core.Graph;
using Declarative.Core.Providers;

namespace Declarative.Core.Planning.Engine;

/// <summary>
/// Finds the string fields of a resource that hold <c>${scheme:name}</c> references and names the resource each
/// reference points at. The graph builder has already reported unknown schemes and missing targets, so anything
/// it would not accept is simply left alone here.
/// </summary>
internal static partial class ReferenceScanner
{
    /// <summary>The output of a referenced resource that replaces the reference.</summary>
    public const string ReferenceOutput = "reference";

    public static ImmutableArray<UnknownValue> Scan(Resource resource, ResourceGraph graph, IReadOnlyDictionary<string, KindRef> schemes)
    {
        var found = ImmutableArray.CreateBuilder<UnknownValue>();
        foreach (var (pointer, text) in Strings(resource.Content, string.Empty))
        {
            var references = ReferencePattern().Matches(text)
                .Where(m => !IsShellExpansion(m.Groups[2].Value) && schemes.ContainsKey(m.Groups[1].Value))
                .Select(m => ToUnknown(resource, graph, schemes[m.Groups[1].Value], m.Groups[1].Value, m.Groups[2].Value))
                .DistinctBy(u => u.Expression)
                .ToImmutableArray();
            if (!references.IsEmpty)
            {
                found.Add(new UnknownValue(pointer, text, references));
            }
        }

        return found.ToImmutable();
    }

    private static Unknown ToUnknown(Resource resource, ResourceGraph graph, KindRef kind, string scheme, string name)
    {
        // The graph's edge names the exact target (module included); the fallback is the cluster-scoped address.
        var target = graph.DependenciesOf(resource.Address)
            .Select(e => e.To)
            .Where(to => to.KindRef == kind && to.Name == name)
            .DefaultIfEmpty(new ResourceAddress(resource.Address.Module, kind.Group, kind.Kind, null, name))
            .First();
        return new Unknown(scheme, name, target, ReferenceOutput);
    }

    // Shell scripts in ConfigMaps use ${var:-default} and friends; the graph builder skips them too.
    private static bool IsShellExpansion(string name) => name[0] is '-' or '=' or '+' or '?';

    private static IEnumerable<(string Pointer, string Text)> Strings(JsonNode? node, string pointer) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value, JsonPointer.Append(pointer, p.Key))),
        JsonArray array => array.SelectMany((item, i) => Strings(item, JsonPointer.Append(pointer, i))),
        JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("${", StringComparison.Ordinal) => [(pointer, text)],
        _ => [],
    };

    [GeneratedRegex(@"\$\{([a-z][a-z0-9-]*):([^}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
