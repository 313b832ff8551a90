using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Core.Planning.Engine;

/// <summary>
/// Resolves references whose value is already known at plan time: the target is unchanged (its change is a
/// no-op) and the base revision recorded its output. What stays unresolved remains an <see cref="UnknownValue"/>
/// whose template keeps only the unresolved references.
/// </summary>
internal static class KnownOutputs
{
    public static (JsonObject Object, ImmutableArray<UnknownValue> Unknowns) Resolve(
        JsonObject content,
        ImmutableArray<UnknownValue> unknowns,
        Func<ResourceAddress, string, string?> knownOutput)
    {
        if (unknowns.IsEmpty)
        {
            return (content, unknowns);
        }

        var copy = (JsonObject)content.DeepClone();
        var remaining = ImmutableArray.CreateBuilder<UnknownValue>();
        foreach (var unknown in unknowns)
        {
            var text = unknown.Template;
            var unresolved = ImmutableArray.CreateBuilder<Unknown>();
            foreach (var reference in unknown.References)
            {
                if (knownOutput(reference.Source, reference.Output) is { } value)
                {
                    text = text.Replace(reference.Expression, value, StringComparison.Ordinal);
                }
                else
                {
                    unresolved.Add(reference);
                }
            }

            JsonPointer.Set(copy, unknown.Path, JsonValue.Create(text));
            if (unresolved.Count > 0)
            {
                remaining.Add(new UnknownValue(unknown.Path, text, unresolved.ToImmutable()));
            }
        }

        return (copy, remaining.ToImmutable());
    }
}
