using System.CommandLine;
using Declarative.Core.Durations;

namespace Declarative.Cli;

/// <summary>Options that take a duration in Go's syntax, as kubectl and Helm do (<c>90s</c>, <c>5m</c>,
/// <c>1h30m</c>); a bad one is one error line naming the option and the syntax.</summary>
internal static class DurationOption
{
    /// <summary>An optional, positive duration: null when the option is not given.</summary>
    public static Option<TimeSpan?> Positive(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "duration",
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return null;
            }

            var text = result.Tokens[0].Value;
            if (!GoDuration.TryParse(text, out var duration))
            {
                result.AddError($"{name}: \"{text}\" is not {GoDuration.Syntax}.");
                return null;
            }

            if (duration <= TimeSpan.Zero)
            {
                result.AddError($"{name}: \"{text}\" must be longer than zero; give {GoDuration.Syntax}.");
                return null;
            }

            return duration;
        },
    };
}
