using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>
/// The FieldsV1 encoding of a field set (apimachinery fieldsv1.go): a trie of element keys where an empty object
/// is a member leaf and <c>".": {}</c> marks a node that is both a member and has members below it.
/// </summary>
internal static class FieldsV1
{
    public static JsonObject Encode(IEnumerable<FieldPath> paths)
    {
        var root = new Node();
        foreach (var path in paths)
        {
            var node = root;
            foreach (var element in path.Elements)
            {
                node = node.Child(element);
            }

            node.IsMember = true;
        }

        return root.ToJson(isRoot: true);
    }

    public static ImmutableHashSet<FieldPath> Decode(JsonObject? fields)
    {
        var result = ImmutableHashSet.CreateBuilder<FieldPath>();
        if (fields is not null)
        {
            Decode(fields, FieldPath.Root, result);
        }

        return result.ToImmutable();
    }

    private static void Decode(JsonObject fields, FieldPath prefix, ImmutableHashSet<FieldPath>.Builder result)
    {
        foreach (var (key, value) in fields)
        {
            if (key == ".")
            {
                if (prefix.Length > 0)
                {
                    result.Add(prefix);
                }

                continue;
            }

            var path = prefix.Append(key);
            if (value is JsonObject { Count: > 0 } children)
            {
                Decode(children, path, result);
            }
            else
            {
                result.Add(path);
            }
        }
    }

    private sealed class Node
    {
        private readonly SortedDictionary<string, Node> children = new(StringComparer.Ordinal);

        public bool IsMember { get; set; }

        public Node Child(string element)
        {
            if (!children.TryGetValue(element, out var child))
            {
                child = new Node();
                children[element] = child;
            }

            return child;
        }

        public JsonObject ToJson(bool isRoot)
        {
            var json = new JsonObject();
            if (IsMember && !isRoot && children.Count > 0)
            {
                json["."] = new JsonObject();
            }

            foreach (var (element, child) in children)
            {
                json[element] = child.ToJson(isRoot: false);
            }

            return json;
        }
    }
}
