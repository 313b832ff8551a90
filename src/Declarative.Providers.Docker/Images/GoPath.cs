namespace Declarative.Providers.Docker.Images;

/// <summary>
/// Go's <c>path/filepath</c> string rules on slash-separated paths, as the docker CLI applies them to
/// .dockerignore patterns on Linux. Re-implemented so that patterns normalise exactly as docker's do.
/// </summary>
internal static class GoPath
{
    /// <summary>
    /// <c>filepath.Clean</c>: collapse repeated slashes, drop "." elements, resolve ".." against the preceding
    /// element where there is one (a leading ".." of a relative path stays, "/.." becomes "/"), drop trailing
    /// slashes; the empty result is ".".
    /// </summary>
    public static string Clean(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var n = path.Length;
        var output = new char[n + 1];
        var written = 0;
        var read = 0;

        // Output below this index cannot be removed by "..": the root slash or a run of leading "..".
        var floor = 0;
        if (rooted)
        {
            output[written++] = '/';
            read = 1;
            floor = 1;
        }

        while (read < n)
        {
            if (path[read] == '/')
            {
                read++;
            }
            else if (path[read] == '.' && (read + 1 == n || path[read + 1] == '/'))
            {
                read++;
            }
            else if (path[read] == '.' && path[read + 1] == '.' && (read + 2 == n || path[read + 2] == '/'))
            {
                read += 2;
                if (written > floor)
                {
                    written--;
                    while (written > floor && output[written] != '/')
                    {
                        written--;
                    }
                }
                else if (!rooted)
                {
                    if (written > 0)
                    {
                        output[written++] = '/';
                    }

                    output[written++] = '.';
                    output[written++] = '.';
                    floor = written;
                }
            }
            else
            {
                if ((rooted && written != 1) || (!rooted && written != 0))
                {
                    output[written++] = '/';
                }

                while (read < n && path[read] != '/')
                {
                    output[written++] = path[read++];
                }
            }
        }

        return written == 0 ? "." : new string(output, 0, written);
    }

    /// <summary><c>filepath.Dir</c> of a cleaned relative path: everything before the last slash, or ".".</summary>
    public static string Dir(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "." : Clean(path[..(slash + 1)]);
    }
}
