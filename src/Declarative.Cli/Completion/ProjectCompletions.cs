using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;
using System.Globalization;
using Declarative.Core.Manifests;
using Declarative.Core.State;

namespace Declarative.Cli.Completion;

/// <summary>
/// Completions that depend on the project in the folder being completed (the command's DIR, else the current
/// folder): its environment names for <c>--env</c> and the revision numbers in the local state for <c>--to</c>. Only
/// declarative.yaml and the names of the state files are read: nothing is rendered and no store is contacted, so a
/// completion stays instant. A folder without a usable project completes nothing rather than failing. The command
/// line is half typed, so values are read from its tokens, never with GetValue (which throws on an option that still
/// lacks its value).
/// </summary>
internal sealed class ProjectCompletions(CliServices services)
{
    public IEnumerable<CompletionItem> EnvironmentNames(CompletionContext context) =>
        Locate(context.ParseResult) is { } project
            ? project.Environments.Keys.Select(name => new CompletionItem(name))
            : [];

    /// <summary>Newest first: the revision one rolls back to is usually a recent one.</summary>
    public IEnumerable<CompletionItem> RevisionNumbers(CompletionContext context)
    {
        if (Locate(context.ParseResult) is not { } project)
        {
            return [];
        }

        var environment = EnvironmentSelector.Select(project, Typed(context.ParseResult, services.Options.Environment)).Value;
        if (environment is null)
        {
            return [];
        }

        var folder = LocalStateStore.DirectoryFor(project.Root, environment.Name, services.IO.EnvironmentVariables);
        // WordCompleter orders candidates by their sort text: a descending key keeps the newest first.
        return LocalStateStore.RevisionNumbersIn(folder).Select(n => new CompletionItem(
            n.ToString(CultureInfo.InvariantCulture),
            sortText: (int.MaxValue - n).ToString("D10", CultureInfo.InvariantCulture)));
    }

    private ProjectDefinition? Locate(ParseResult result)
    {
        try
        {
            var directory = Path.GetFullPath(Path.Combine(services.IO.WorkingDirectory, DirectoryOf(result)));
            var located = ProjectLocator.Locate(directory, Typed(result, services.Options.Project));
            return located.HasErrors ? null : located.Value;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A half-typed DIR or an unreadable folder: nothing to offer.
            return null;
        }
    }

    /// <summary>The DIR argument of the command being completed, as typed so far.</summary>
    private static string DirectoryOf(ParseResult result) =>
        result.CommandResult.Children.OfType<ArgumentResult>().FirstOrDefault(a => a.Argument.Name == "DIR")?.Tokens is [var typed, ..]
            ? typed.Value
            : ".";

    private static string? Typed(ParseResult result, Option option) =>
        result.GetResult(option)?.Tokens is [.., var last] ? last.Value : null;
}
