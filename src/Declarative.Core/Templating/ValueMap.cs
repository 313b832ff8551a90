using Scriban.Runtime;

namespace Declarative.Core.Templating;

/// <summary>A read-only map of the template context that knows its own path (<c>values.db</c>), so a missing member
/// can be named from the root.</summary>
internal sealed class ValueMap : ScriptObject
{
    public ValueMap(string path, int capacity)
        : base(capacity, autoImportStaticsFromThisType: false, StringComparer.Ordinal) => Path = path;

    public string Path { get; }
}
