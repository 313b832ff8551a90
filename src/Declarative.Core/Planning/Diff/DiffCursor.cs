using System.Globalization;
using System.Text;
using Declarative.Core.Providers;

namespace Declarative.Core.Planning.Diff;

/// <summary>
/// Where the walk is: the JSON Pointer into the desired object (unknowns are named by pointer), the display path,
/// the name of the field that holds the current node (it picks the list keys) and the scope at this place.
/// </summary>
internal readonly record struct DiffCursor(string Pointer, string Path, string Field, DiffScope Scope)
{
    public static DiffCursor Root(DiffScope scope) => new(string.Empty, string.Empty, string.Empty, scope);

    public DiffCursor Key(string key)
    {
        var path = new StringBuilder(Path);
        FieldPath.AppendKey(path, key);
        return new(JsonPointer.Append(Pointer, key), path.ToString(), key, Scope.Key(key));
    }

    public DiffCursor Index(int index) =>
        new(JsonPointer.Append(Pointer, index), $"{Path}[{index.ToString(CultureInfo.InvariantCulture)}]", string.Empty, Scope.Index(index));

    /// <summary>An item of a keyed list: shown by its key, but still named by its position in the desired list.</summary>
    public DiffCursor KeyedItem(int index, string display, DiffScope scope) =>
        new(JsonPointer.Append(Pointer, index), $"{Path}[{display}]", string.Empty, scope);

    public DiffCursor WithScope(DiffScope scope) => this with { Scope = scope };
}
