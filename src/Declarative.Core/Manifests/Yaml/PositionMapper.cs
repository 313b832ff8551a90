using Declarative.Core.Diagnostics;

namespace Declarative.Core.Manifests.Yaml;

/// <summary>Turns positions in the parsed text into positions and locations in the file the user wrote.</summary>
internal sealed class PositionMapper(string file, Func<int, int>? lineMap)
{
    public string File => file;

    public SourcePosition Map(SourcePosition parsed) =>
        lineMap is null ? parsed : parsed with { Line = lineMap(parsed.Line) };

    public SourceLocation Locate(SourcePosition parsed)
    {
        var mapped = Map(parsed);
        return new SourceLocation(file, mapped.Line, mapped.Column);
    }

    /// <summary>"line 4, column 3" of the original file, for detail sentences.</summary>
    public string Describe(SourcePosition parsed)
    {
        var mapped = Map(parsed);
        return $"line {mapped.Line}, column {mapped.Column}";
    }
}
