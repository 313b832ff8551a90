namespace Declarative.Cli.Rendering;

/// <summary>The parent paths of a display path: <c>spec.versions[0].schema</c> has the prefixes <c>spec</c>,
/// <c>spec.versions</c>, <c>spec.versions[0]</c> and itself. Quoted keys (<c>["a.b/c"]</c>) are one step.</summary>
internal static class DisplayPath
{
    public static IEnumerable<string> Prefixes(string path)
    {
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.' && ++i == path.Length)
            {
                yield break;
            }

            i = path[i] == '[' ? BracketEnd(path, i) : NameEnd(path, i);
            yield return path[..i];
        }
    }

    private static int NameEnd(string path, int start)
    {
        var end = path.IndexOfAny(['.', '['], start + 1);
        return end < 0 ? path.Length : end;
    }

    // A quoted key may hold "]" or escaped quotes; a list key ([name=web]) is read to its "]".
    private static int BracketEnd(string path, int start)
    {
        var i = start + 1;
        if (i < path.Length && path[i] == '"')
        {
            for (i++; i < path.Length && path[i] != '"'; i++)
            {
                if (path[i] == '\\')
                {
                    i++;
                }
            }

            i++;
        }

        var end = path.IndexOf(']', Math.Min(i, path.Length));
        return end < 0 ? path.Length : end + 1;
    }
}
