using System.Text.Json.Nodes;

namespace Declarative.Core.Providers;

/// <summary>Replaces <see cref="UnknownValue"/>s in an object with the outputs of the resources they refer to.</summary>
public static class UnknownSubstitution
{
    /// <summary>Returns a copy of <paramref name="content"/> with every unknown resolved. Throws
    /// <see cref="InvalidOperationException"/> when an output is missing: the executor must apply dependencies first.</summary>
    public static JsonObject Apply(
        JsonObject content,
        IEnumerable<UnknownValue> unknowns,
        IReadOnlyDictionary<ResourceAddress, ResourceOutputs> outputs)
    {
        var copy = (JsonObject)content.DeepClone();
        foreach (var unknown in unknowns)
        {
            var text = unknown.Template;
            foreach (var reference in unknown.References)
            {
                var value = outputs.TryGetValue(reference.Source, out var found) ? found[reference.Output] : null;
                if (value is null)
                {
                    throw new InvalidOperationException(
                        $"Output '{reference.Output}' of {reference.Source} is not known yet, so {reference.Expression} cannot be resolved. This is a bug in Declarative; please report it.");
                }

                text = text.Replace(reference.Expression, value, StringComparison.Ordinal);
            }

            JsonPointer.Set(copy, unknown.Path, JsonValue.Create(text));
        }

        return copy;
    }
}
