namespace Declarative.Testing;

/// <summary>A folder under the system temp folder, filled from a map of relative path to text, deleted on
/// dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory(IReadOnlyDictionary<string, string>? files = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "decl-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        foreach (var (path, text) in files ?? new Dictionary<string, string>())
        {
            Write(path, text);
        }
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string text)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A test that left a file open must not fail the run at clean-up.
        }
    }
}
