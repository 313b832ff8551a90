using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Declarative.Core.Diagnostics;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>
/// Finds <c>${scheme:name}</c> in every string value of a resource: each with a scheme a provider owns
/// (<c>${image:NAME}</c>) is a required dependency on the kind the scheme maps to. Any other <c>${...}</c> is literal
/// text that belongs to someone else (Grafana's <c>${datasource:queryparam}</c>, shell, envsubst): left alone. Only in
/// an explicit project, where references are ours to write, is a scheme one typo away from a known one
/// (<c>${imgae:api}</c>) an error with the suggestion.
/// </summary>
internal static partial class ReferenceSchemeScanner
{
    public static ImmutableSortedDictionary<string, KindRef> SchemesOf(IReadOnlyList<IKindCatalog> catalogs)
    {
        var schemes = ImmutableSortedDictionary.CreateBuilder<string, KindRef>(StringComparer.Ordinal);
        foreach (var (scheme, kind) in catalogs.SelectMany(c => c.ReferenceSchemes))
        {
            schemes.TryAdd(scheme, kind);
        }

        return schemes.ToImmutable();
    }

    public static IEnumerable<DependencyCandidate> Scan(
        Resource resource,
        ImmutableSortedDictionary<string, KindRef> schemes,
        DiagnosticBag diagnostics,
        bool reportMisspeltSchemes)
    {
        foreach (var (pointer, text) in Strings(resource.Content, string.Empty))
        {
            foreach (Match match in ReferencePattern().Matches(text))
            {
                var scheme = match.Groups[1].Value;
                var name = match.Groups[2].Value;
                if (IsShellExpansion(name))
                {
                    continue;
                }

                var path = FieldPath.FromPointer(resource.Content, pointer);
                if (!schemes.TryGetValue(scheme, out var kind))
                {
                    if (reportMisspeltSchemes && Suggestions.Closest(scheme, schemes.Keys) is { } meant)
                    {
                        diagnostics.Add(MisspeltScheme(resource, pointer, path, match.Value, scheme, meant, name));
                    }

                    continue;
                }

                yield return new DependencyCandidate(
                    resource,
                    new ReferenceTarget(kind.Group, kind.Kind, null, name),
                    $"{path} references {match.Value}",
                    DependencyKind.Required,
                    resource.Source.Locate(pointer));
            }
        }
    }

    // Shell scripts in ConfigMaps use ${var:-default}, ${var:=x}, ${var:+x} and ${var:?message}; no reference
    // name starts with those operators, so they are not references.
    private static bool IsShellExpansion(string name) => name[0] is '-' or '=' or '+' or '?';

    private static IEnumerable<(string Pointer, string Text)> Strings(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonObject obj:
                return obj.SelectMany(p => Strings(p.Value, JsonPointer.Append(pointer, p.Key)));
            case JsonArray array:
                return array.SelectMany((item, i) => Strings(item, JsonPointer.Append(pointer, i)));
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("${", StringComparison.Ordinal):
                return [(pointer, text)];
            default:
                return [];
        }
    }

    private static Diagnostic MisspeltScheme(Resource resource, string pointer, string path, string reference, string scheme, string meant, string name) =>
        Diagnostic.Error(
            DiagnosticCodes.UnknownReferenceScheme,
            "Unknown reference scheme",
            resource.Source.Locate(pointer),
            $"{path} contains {reference}, but no provider resolves the scheme \"{scheme}\". Did you mean ${{{meant}:{name}}}?",
            $"Write ${{{meant}:{name}}}; text that is not a reference of ours, such as a dashboard's ${{var:format}}, may stay as it is when its scheme is not this close to {meant}.");

    [GeneratedRegex(@"\$\{([a-z][a-z0-9-]*):([^}]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
