namespace Declarative.Providers.Docker.Images;

/// <summary>
/// The patterns of a .dockerignore file and docker's rules for applying them: patterns are evaluated in order
/// and the last one that matches decides ('!' sends the path again); a pattern that matches a parent folder
/// matches everything below it. Parsing follows moby/patternmatcher's <c>ignorefile.ReadAll</c> (BOM removed,
/// lines starting with '#' skipped, white space trimmed, each pattern cleaned like <c>filepath.Clean</c>,
/// a leading '/' removed), matching its <c>PatternMatcher</c>.
/// </summary>
internal sealed class DockerIgnore
{
    /// <summary>The file name docker reads in the context folder.</summary>
    public const string FileName = ".dockerignore";

    private readonly IgnorePattern[] _patterns;

    private DockerIgnore(IReadOnlyList<string> lines, IgnorePattern[] patterns)
    {
        Lines = lines;
        _patterns = patterns;
        HasExceptions = patterns.Any(p => p.IsException);
    }

    /// <summary>No patterns: everything is sent.</summary>
    public static DockerIgnore Empty { get; } = new([], []);

    /// <summary>The patterns as <c>ReadAll</c> returns them (cleaned, '!' kept), in file order.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>Whether any pattern starts with '!'.</summary>
    public bool HasExceptions { get; }

    /// <summary>Reads <c>.dockerignore</c> in <paramref name="contextDirectory"/>; no file means no patterns.</summary>
    public static DockerIgnore Load(string contextDirectory)
    {
        var path = Path.Combine(contextDirectory, FileName);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            return Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildContextException($"Cannot read {path}: {ErrorText.Reason(e)}. Make it readable or delete it.", e);
        }

        return Parse(text, path);
    }

    /// <summary>Parses .dockerignore text; <paramref name="source"/> names the file in error messages.</summary>
    public static DockerIgnore Parse(string text, string source = FileName)
    {
        var lines = new List<string>();
        var numbers = new List<int>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (lineNumber == 1 && line.StartsWith('\uFEFF'))
            {
                line = line[1..];
            }

            // Only a '#' in the very first column starts a comment: docker tests before trimming.
            if (line.StartsWith('#'))
            {
                continue;
            }

            var pattern = line.Trim();
            if (pattern.Length == 0)
            {
                continue;
            }

            lines.Add(NormalizeLine(pattern));
            numbers.Add(lineNumber);
        }

        return Create(lines, index => $"{source} line {numbers[index]}");
    }

    /// <summary>
    /// The docker CLI's <c>TrimBuildFilesFromExcludes</c>: .dockerignore and the Dockerfile are always sent,
    /// so when the patterns exclude them an exception for each is appended.
    /// </summary>
    public DockerIgnore KeepingBuildFiles(string dockerfile)
    {
        var lines = Lines.ToList();
        var current = this;
        if (current.MatchesLegacy(FileName))
        {
            lines.Add("!" + FileName);
            current = Create(lines, _ => FileName);
        }

        if (current.MatchesLegacy(dockerfile))
        {
            lines.Add("!" + dockerfile);
            current = Create(lines, _ => FileName);
        }

        return current;
    }

    /// <summary>
    /// Whether docker leaves <paramref name="relativePath"/> (slash-separated, relative to the context) out,
    /// considering the path and all its parents (patternmatcher's <c>MatchesOrParentMatches</c>). The context
    /// root itself is never excluded.
    /// </summary>
    public bool IsExcluded(string relativePath)
    {
        var path = GoPath.Clean(relativePath);
        if (path == ".")
        {
            return false;
        }

        var parents = ParentPrefixes(path);
        var excluded = false;
        foreach (var pattern in _patterns)
        {
            if (pattern.IsException != excluded)
            {
                continue;
            }

            if (pattern.Matches(path) || parents.Any(pattern.Matches))
            {
                excluded = !pattern.IsException;
            }
        }

        return excluded;
    }

    /// <summary>
    /// One step of docker's top-down walk (patternmatcher's <c>MatchesUsingParentResults</c>): whether
    /// <paramref name="relativePath"/> is excluded, reusing which patterns matched its parent folder
    /// (<paramref name="parent"/>; null for entries at the top of the context).
    /// </summary>
    public IgnoreMatch Match(string relativePath, IgnoreMatch? parent)
    {
        var matchedPatterns = new bool[_patterns.Length];
        var excluded = false;
        for (var i = 0; i < _patterns.Length; i++)
        {
            var pattern = _patterns[i];
            var match = parent is not null && parent.PatternMatched(i);
            if (!match)
            {
                if (pattern.IsException != excluded)
                {
                    continue;
                }

                match = pattern.Matches(relativePath) || (parent is null && ParentPrefixes(relativePath).Any(pattern.Matches));
            }

            matchedPatterns[i] = match;
            if (match)
            {
                excluded = !pattern.IsException;
            }
        }

        return new IgnoreMatch(excluded, matchedPatterns);
    }

    /// <summary>
    /// Whether docker walks into an excluded folder anyway because a '!' pattern may send something below it:
    /// the folder path followed by '/' is a literal prefix of the pattern followed by '/'.
    /// </summary>
    public bool MayResendBelow(string relativeFolder)
    {
        if (!HasExceptions)
        {
            return false;
        }

        var folder = relativeFolder + "/";
        return _patterns.Any(p => p.IsException && (p.Text + "/").StartsWith(folder, StringComparison.Ordinal));
    }

    private static string NormalizeLine(string pattern)
    {
        var isException = pattern[0] == '!';
        if (isException)
        {
            pattern = pattern[1..].Trim();
        }

        if (pattern.Length > 0)
        {
            pattern = GoPath.Clean(pattern);
            if (pattern.Length > 1 && pattern[0] == '/')
            {
                pattern = pattern[1..];
            }
        }

        return isException ? "!" + pattern : pattern;
    }

    private static DockerIgnore Create(List<string> lines, Func<int, string> describeLine)
    {
        var patterns = new List<IgnorePattern>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            try
            {
                if (IgnorePattern.Compile(lines[i]) is { } pattern)
                {
                    patterns.Add(pattern);
                }
            }
            catch (FormatException e)
            {
                throw new BuildContextException(
                    $"{describeLine(i)}: the pattern \"{lines[i]}\" is not valid: {ErrorText.Reason(e)}. Fix or remove the line (docker rejects it too).",
                    e);
            }
        }

        return new DockerIgnore(lines.ToArray(), patterns.ToArray());
    }

    // The parent folders of a cleaned relative path, shortest first: "a/b/c" gives "a", "a/b".
    private static IEnumerable<string> ParentPrefixes(string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash >= 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }

    // patternmatcher's deprecated Matches, which the CLI still uses to decide whether to re-add the build
    // files: a parent is tested only at the depth of the pattern's own segment count.
    private bool MatchesLegacy(string file)
    {
        var path = GoPath.Clean(file);
        if (path == ".")
        {
            return false;
        }

        var parent = GoPath.Dir(path);
        var parentSegments = parent.Split('/');
        var excluded = false;
        foreach (var pattern in _patterns)
        {
            if (pattern.IsException != excluded)
            {
                continue;
            }

            var match = pattern.Matches(path);
            if (!match && parent != "." && pattern.SegmentCount <= parentSegments.Length)
            {
                match = pattern.Matches(string.Join('/', parentSegments[..pattern.SegmentCount]));
            }

            if (match)
            {
                excluded = !pattern.IsException;
            }
        }

        return excluded;
    }
}
