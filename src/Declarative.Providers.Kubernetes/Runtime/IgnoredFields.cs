using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// Removes the fields of <c>declarative.dev/ignore-fields</c> from an object before it is applied over a live one, so
/// an update leaves them to whoever owns them (an autoscaler's replicas). A create still sends them.
/// </summary>
internal static class IgnoredFields
{
    /// <summary>Removes from <paramref name="obj"/> (mutated: pass a copy) every field at or under an ignored display path.</summary>
    public static void Remove(JsonObject obj, ImmutableArray<string> ignoredPaths)
    {
        if (!ignoredPaths.IsDefaultOrEmpty)
        {
            RemoveFromObject(obj, string.Empty, ignoredPaths);
        }
    }

    private static void RemoveFromObject(JsonObject obj, string path, ImmutableArray<string> ignored)
    {
        foreach (var (key, value) in obj.ToList())
        {
            var builder = new StringBuilder(path);
            FieldPath.AppendKey(builder, key);
            var childPath = builder.ToString();
            if (ignored.Any(p => FieldPath.IsUnder(childPath, p)))
            {
                obj.Remove(key);
            }
            else if (value is JsonObject child)
            {
                RemoveFromObject(child, childPath, ignored);
            }
            else if (value is JsonArray items)
            {
                RemoveFromItems(items, key, childPath, ignored);
            }
        }
    }

    private static void RemoveFromItems(JsonArray items, string field, string path, ImmutableArray<string> ignored)
    {
        var keys = ListKeys.For(field, items);
        for (var i = items.Count - 1; i >= 0; i--)
        {
            if (items[i] is not JsonObject item)
            {
                continue;
            }

            var itemPath = $"{path}[{(keys.IsEmpty ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : ListKeys.Display(item, keys))}]";
            if (ignored.Any(p => FieldPath.IsUnder(itemPath, p)))
            {
                items.RemoveAt(i);
            }
            else
            {
                RemoveFromObject(item, itemPath, ignored);
            }
        }
    }
}
