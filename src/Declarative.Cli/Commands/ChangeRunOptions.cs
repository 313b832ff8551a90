using System.CommandLine;
using System.Globalization;
using Declarative.Cli.Rendering.Live;
using Declarative.Core.Execution;
using Declarative.Core.State;

namespace Declarative.Cli.Commands;

/// <summary>Options of the commands that change an environment and record a revision (apply, rollback, destroy).</summary>
internal static class ChangeRunOptions
{
    public static Option<bool> Force() => new("--force") { Description = "Delete objects marked declarative.dev/delete-protection: enabled all the same." };

    public static Option<bool> AllowCascade() => new("--allow-cascade") { Description = "Delete a Namespace or CRD even when objects Declarative does not own would go with it." };

    /// <summary><c>--no-progress</c>: the plain timestamped lines even on a terminal (docs/apply.md "The live view").</summary>
    public static Option<bool> NoProgress() => new("--no-progress") { Description = "Print one timestamped line per step instead of the live view on a terminal." };

    /// <summary>The live view on a terminal unless --no-progress; its colour follows NO_COLOR and --no-color.</summary>
    public static ProgressView Progress(CliServices services, ParseResult result, Option<bool> noProgress) =>
        ProgressView.For(services.IO, result.GetValue(noProgress), result.GetValue(services.Options.NoColor));

    /// <param name="done">What the run does to each resource, for the help text: "applied", "deleted".</param>
    public static Option<int> Parallelism(string done) =>
        new("--parallelism") { Description = $"How many resources are {done} at once.", DefaultValueFactory = _ => ExecutionOptions.DefaultParallelism };

    public static Option<TimeSpan?> Timeout() => DurationOption.Positive(
        "--timeout",
        "How long each resource may take to become ready, as a Go duration: 90s, 5m, 1h30m. [default: 5m]");

    /// <summary><c>--history-max N</c>: after the run, the oldest revisions beyond N are deleted (never the deployed
    /// one nor the one just written); 0 keeps them all, as Helm's <c>--history-max 0</c> does.</summary>
    public static Option<int> HistoryMax() => new("--history-max")
    {
        Description = "How many revisions to keep: older ones are deleted after the run, never the deployed one. 0 keeps all.",
        HelpName = "N",
        DefaultValueFactory = _ => HistoryLimit.DefaultMax,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return HistoryLimit.DefaultMax;
            }

            var text = result.Tokens[0].Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var max))
            {
                return max;
            }

            result.AddError($"--history-max: \"{text}\" is not a number of revisions; give a whole number such as {HistoryLimit.DefaultMax}, or 0 to keep them all.");
            return HistoryLimit.DefaultMax;
        },
    };
}
