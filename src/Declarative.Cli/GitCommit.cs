namespace Declarative.Cli;

/// <summary>The commit a project folder is at, read from .git without running git; null outside a repository.</summary>
internal static class GitCommit
{
    public static string? Of(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var git = Path.Combine(current.FullName, ".git");
            if (Directory.Exists(git))
            {
                return Resolve(git);
            }
        }

        return null;
    }

    private static string? Resolve(string git)
    {
        try
        {
            var head = File.ReadAllText(Path.Combine(git, "HEAD")).Trim();
            if (!head.StartsWith("ref: ", StringComparison.Ordinal))
            {
                return head;
            }

            var reference = head[5..];
            var loose = Path.Combine(git, reference);
            if (File.Exists(loose))
            {
                return File.ReadAllText(loose).Trim();
            }

            var packed = Path.Combine(git, "packed-refs");
            return File.Exists(packed)
                ? File.ReadLines(packed).Where(l => l.EndsWith(" " + reference, StringComparison.Ordinal)).Select(l => l[..l.IndexOf(' ', StringComparison.Ordinal)]).FirstOrDefault()
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
