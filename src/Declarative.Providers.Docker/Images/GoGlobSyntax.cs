namespace Declarative.Providers.Docker.Images;

/// <summary>
/// The syntax check Go's <c>filepath.Match</c> applies to a pattern (docker validates every .dockerignore
/// pattern with it): a backslash must escape something, a character class must be closed, and each class item
/// is a character or a range <c>lo-hi</c> whose ends are not '-' or ']' unless escaped.
/// </summary>
internal static class GoGlobSyntax
{
    /// <summary>Null when <paramref name="pattern"/> is well formed, otherwise what is wrong with it.</summary>
    public static string? FindProblem(string pattern)
    {
        var i = 0;
        while (i < pattern.Length)
        {
            switch (pattern[i])
            {
                case '\\':
                    if (i + 1 >= pattern.Length)
                    {
                        return "it ends with a backslash that escapes nothing";
                    }

                    i += 2;
                    break;
                case '[':
                    if (FindClassProblem(pattern, ref i) is { } problem)
                    {
                        return problem;
                    }

                    break;
                default:
                    i++;
                    break;
            }
        }

        return null;
    }

    private static string? FindClassProblem(string pattern, ref int i)
    {
        var start = i;
        i++;
        if (i < pattern.Length && pattern[i] == '^')
        {
            i++;
        }

        var ranges = 0;
        while (true)
        {
            if (i < pattern.Length && pattern[i] == ']' && ranges > 0)
            {
                i++;
                return null;
            }

            if (!TryReadClassCharacter(pattern, ref i))
            {
                return $"the character class starting at position {start + 1} is empty, unclosed or has a range without an end";
            }

            if (pattern[i] == '-')
            {
                i++;
                if (!TryReadClassCharacter(pattern, ref i))
                {
                    return $"the character class starting at position {start + 1} has a range without an end";
                }
            }

            ranges++;
        }
    }

    // Go's getEsc: one (possibly escaped) character that must be followed by more pattern text.
    private static bool TryReadClassCharacter(string pattern, ref int i)
    {
        if (i >= pattern.Length || pattern[i] == '-' || pattern[i] == ']')
        {
            return false;
        }

        if (pattern[i] == '\\')
        {
            i++;
            if (i >= pattern.Length)
            {
                return false;
            }
        }

        i += char.IsHighSurrogate(pattern[i]) && i + 1 < pattern.Length && char.IsLowSurrogate(pattern[i + 1]) ? 2 : 1;
        return i < pattern.Length;
    }
}
