using System.CommandLine;

namespace Declarative.Cli.Completion;

/// <summary>
/// Completes the last of the words a shell hands over (the words after <c>decl</c> up to the cursor; the last one is the
/// word being typed, empty after a space) with System.CommandLine's own completion of the command tree: subcommands,
/// options, the values an option accepts and the completion sources (environments, revisions) of
/// <see cref="ProjectCompletions"/>. Candidates already match the word typed; the shell only shows them.
/// </summary>
internal static class WordCompleter
{
    /// <summary>A word starting with @ is a response file to the parser: completion must not read whatever it names.</summary>
    private static readonly ParserConfiguration Configuration = new() { ResponseFileTokenReplacer = null };

    public static IReadOnlyList<string> Complete(Command root, IReadOnlyList<string> words)
    {
        // The parser completes at a position in a command line: the words joined, the cursor at the end (after a space
        // when the word being typed is still empty).
        var typed = words.Count == 0 ? [string.Empty] : words;
        var line = string.Join(' ', typed.Select(Quote));
        var parsed = root.Parse(line, Configuration);

        // The parser also offers candidates that merely contain the word; a shell shows what starts with it. The help
        // option's DOS spellings (/?, /h, -?) would only crowd the list. The parser orders by label; the sort text
        // (the label unless a source sets one, as the revisions do: newest first) decides here.
        return
        [
            .. parsed.GetCompletions(line.Length)
                .OrderBy(item => item.SortText ?? item.Label, StringComparer.Ordinal)
                .Select(item => item.InsertText ?? item.Label)
                .Where(candidate => candidate.StartsWith(typed[^1], StringComparison.Ordinal) && !candidate.StartsWith('/') && candidate != "-?")
                .Distinct(StringComparer.Ordinal),
        ];
    }

    private static string Quote(string word) =>
        word.Any(char.IsWhiteSpace) ? $"\"{word}\"" : word;
}
