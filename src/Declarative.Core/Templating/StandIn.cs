using System.Collections;

namespace Declarative.Core.Templating;

/// <summary>
/// A value that stands in for one a template does not have: <see cref="UndefinedValue"/>, <see cref="NullValue"/>
/// or <see cref="TemplateFailure"/>. Each is false in a condition and an empty list to <c>for</c>; printing one is
/// where strict mode reports it (<see cref="StrictTemplateContext"/>).
/// </summary>
internal abstract class StandIn : IEnumerable
{
    public IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator();
}

/// <summary>A variable or member that does not exist. <see cref="Path"/> names the first missing part, as written
/// from the root (<c>values.replicaz</c>, <c>values.ports[2]</c>).</summary>
internal sealed class UndefinedValue(string path) : StandIn
{
    public string Path { get; } = path;

    public override string ToString() => Path;
}

/// <summary>A null in the values: defined, prints nothing, and its members are undefined (so
/// <c>values.db.host</c> with <c>db:</c> left empty is reported, not printed as nothing).</summary>
internal sealed class NullValue(string path) : StandIn
{
    public string Path { get; } = path;

    public override string ToString() => string.Empty;
}
