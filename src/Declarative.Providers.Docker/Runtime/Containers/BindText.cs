namespace Declarative.Providers.Docker.Runtime.Containers;

/// <summary>
/// A volume or bind mount as the Engine API's Binds take it, <c>source:target[:ro]</c>. Relative host paths are
/// resolved against the document's folder, so what is stored and compared is always absolute.
/// </summary>
internal sealed record BindText(string Source, string Target, bool ReadOnly)
{
    public string Text => ReadOnly ? $"{Source}:{Target}:ro" : $"{Source}:{Target}";

    public string SourceText => ReadOnly ? $"{Source}:ro" : Source;

    public static BindText Parse(string text, string? folder)
    {
        var parts = text.Split(':');
        var source = parts[0];
        if (IsRelativePath(source) && folder is not null)
        {
            source = Path.GetFullPath(Path.Combine(folder, source));
        }

        if (source.Length > 1 && source.EndsWith('/'))
        {
            source = source.TrimEnd('/');
        }

        var options = parts.Length > 2 ? parts[2].Split(',') : [];
        return new BindText(source, parts[1], options.Contains("ro", StringComparer.Ordinal));
    }

    public static bool IsRelativePath(string source) =>
        source is "." or ".." || source.StartsWith("./", StringComparison.Ordinal) || source.StartsWith("../", StringComparison.Ordinal);
}
