using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>
/// A path in structured-merge-diff terms. Elements are kept in their FieldsV1 spelling: <c>f:name</c> (field),
/// <c>k:{"name":"web"}</c> (associative list item), <c>v:"x"</c> (set item), <c>i:0</c> (atomic index).
/// </summary>
internal sealed class FieldPath : IEquatable<FieldPath>
{
    // A unit separator cannot occur in the elements: JSON escapes control characters.
    private const char Separator = '\u001f';

    public static readonly FieldPath Root = new([]);

    private FieldPath(ImmutableArray<string> elements)
    {
        Elements = elements;
        Key = string.Join(Separator, elements);
    }

    public ImmutableArray<string> Elements { get; }

    public int Length => Elements.Length;

    private string Key { get; }

    public static FieldPath Of(params string[] fieldNames) => new([.. fieldNames.Select(name => "f:" + name)]);

    public FieldPath Append(string element) => new(Elements.Add(element));

    public FieldPath Field(string name) => Append("f:" + name);

    public FieldPath Parent => new(Elements.RemoveAt(Elements.Length - 1));

    /// <summary>True when <paramref name="other"/> lies strictly below this path.</summary>
    public bool IsPrefixOf(FieldPath other) =>
        other.Length > Length && (Length == 0 || other.Key.StartsWith(Key + Separator, StringComparison.Ordinal));

    public bool StartsWithField(string name) => Length > 0 && Elements[0] == "f:" + name;

    /// <summary>structured-merge-diff's PathElement.String: <c>.spec.template.spec.containers[name="web"].image</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var element in Elements)
        {
            text.Append(Describe(element));
        }

        return text.ToString();
    }

    public bool Equals(FieldPath? other) => other is not null && other.Key == Key;

    public override bool Equals(object? obj) => Equals(obj as FieldPath);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    private static string Describe(string element) => element[..2] switch
    {
        "f:" => "." + element[2..],
        "k:" => DescribeKey(element[2..]),
        "v:" => $"[={element[2..]}]",
        "i:" => $"[{element[2..]}]",
        _ => element,
    };

    private static string DescribeKey(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject key)
        {
            return $"[{json}]";
        }

        return "[" + string.Join(',', key.Select(pair => $"{pair.Key}={JsonText.Compact(pair.Value)}")) + "]";
    }
}
