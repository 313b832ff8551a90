namespace Declarative.Testing;

/// <summary>Finds the repository's folders from a test's output directory.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Examples => Path.Combine(RepositoryRoot, "examples");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Declarative.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Declarative.sln not found above " + AppContext.BaseDirectory);
    }
}
