using Scriban.Runtime;

namespace Declarative.Core.Templating;

/// <summary>A read-only list of the values that knows its own path (<c>values.ports</c>), so an index past its
/// end can be named.</summary>
internal sealed class ValueList : ScriptArray
{
    public ValueList(string path, int capacity)
        : base(capacity) => Path = path;

    public string Path { get; }
}
