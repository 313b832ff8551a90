using System.Collections.Immutable;
using Declarative.Core.Planning;

namespace Declarative.Cli.Rendering;

/// <summary>
/// Folds the fields of a large create or delete to fit <see cref="MaxLines"/> lines. The identifying fields
/// (apiVersion, kind, metadata.name, metadata.namespace, metadata.labels) are always shown; everything else starts
/// folded at the top level and is unfolded breadth first, shallow before deep and in plan order, while it fits. A
/// folded subtree reads <c>+ spec.versions[0].schema.openAPIV3Schema: (1,284 fields)</c>, a folded text
/// <c>+ data["config.yaml"]: (120 lines)</c>. A path with one child is followed to that child, so a fold never hides
/// a single field.
/// </summary>
internal static class LargeObjectFolding
{
    public const int MaxLines = 60;

    private static readonly string[] Identity = ["apiVersion", "kind", "metadata.name", "metadata.namespace", "metadata.labels"];

    public static ImmutableArray<FieldRow> Fold(ImmutableArray<FieldRow> rows)
    {
        var root = Tree(rows);
        var used = 0;
        var frontier = new Queue<Node>();
        foreach (var child in root.Children.Select(Descend))
        {
            used += Open(child, frontier);
        }

        while (frontier.TryDequeue(out var node))
        {
            var cost = node.OpenCost;
            if (used + cost > MaxLines)
            {
                continue;
            }

            node.Open = true;
            used += cost;
            foreach (var child in node.Children.Select(Descend).Where(c => c.CanOpen))
            {
                frontier.Enqueue(child);
            }
        }

        return [.. root.Children.SelectMany(Emit)];
    }

    /// <summary>Opens what must be shown (identity fields and their parents) and queues the rest; returns the lines
    /// this part of the tree takes so far.</summary>
    private static int Open(Node node, Queue<Node> frontier)
    {
        if (Identity.Any(p => FieldPath.IsUnder(node.Path, p)))
        {
            OpenAll(node);
            return node.Height;
        }

        if (Identity.Any(p => FieldPath.IsUnder(p, node.Path)) && node.Children.Count > 0)
        {
            node.Open = true;
            return (node.Row?.Height ?? 0) + node.Children.Select(Descend).Sum(child => Open(child, frontier));
        }

        if (node.CanOpen)
        {
            frontier.Enqueue(node);
        }

        return 1;
    }

    private static void OpenAll(Node node)
    {
        node.Open = true;
        foreach (var child in node.Children)
        {
            OpenAll(child);
        }
    }

    /// <summary>Follows a path with one child and no field of its own down to where it branches or ends.</summary>
    private static Node Descend(Node node)
    {
        while (node.Row is null && node.Children.Count == 1)
        {
            node.Open = true;
            node = node.Children[0];
        }

        return node;
    }

    private static IEnumerable<FieldRow> Emit(Node node)
    {
        if (!node.Open)
        {
            return node.Children.Count == 0 && node.Row is BlockRow block
                ? [new FoldRow(block.Kind, block.Path, block.TextLines, FoldUnit.Lines)]
                : node.Children.Count == 0 && node.Row is { } row ? [row] : [new FoldRow(node.Kind, node.Path, node.Fields, FoldUnit.Fields)];
        }

        return (node.Row is { } own ? [own] : Enumerable.Empty<FieldRow>()).Concat(node.Children.SelectMany(Emit));
    }

    private static Node Tree(ImmutableArray<FieldRow> rows)
    {
        var root = new Node(string.Empty, rows.IsEmpty ? FieldDiffKind.Added : rows[0].Kind);
        foreach (var row in rows)
        {
            var node = root;
            foreach (var prefix in DisplayPath.Prefixes(row.Path))
            {
                node.Fields++;
                node = node.Child(prefix, row.Kind);
            }

            node.Fields++;
            node.Row = row;
        }

        return root;
    }

    private sealed class Node(string path, FieldDiffKind kind)
    {
        private readonly Dictionary<string, Node> byPath = new(StringComparer.Ordinal);

        public string Path { get; } = path;

        public FieldDiffKind Kind { get; } = kind;

        public List<Node> Children { get; } = [];

        public FieldRow? Row { get; set; }

        public int Fields { get; set; }

        public bool Open { get; set; }

        /// <summary>A subtree, or a text that is shown folded until opened; a one-line value has nothing to open.</summary>
        public bool CanOpen => Children.Count > 0 || Row is BlockRow;

        /// <summary>The lines opening it adds to the one line it takes folded: its own field and each child folded.</summary>
        public int OpenCost => Children.Count == 0 ? (Row?.Height ?? 1) - 1 : (Row?.Height ?? 0) + Children.Count - 1;

        /// <summary>The lines it takes fully open.</summary>
        public int Height => (Row?.Height ?? 0) + Children.Sum(c => c.Height);

        public Node Child(string childPath, FieldDiffKind childKind)
        {
            if (!byPath.TryGetValue(childPath, out var child))
            {
                child = new Node(childPath, childKind);
                byPath.Add(childPath, child);
                Children.Add(child);
            }

            return child;
        }
    }
}
