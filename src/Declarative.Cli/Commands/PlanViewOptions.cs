using System.CommandLine;
using System.Globalization;
using Declarative.Cli.Rendering;

namespace Declarative.Cli.Commands;

/// <summary>Options of the commands that print a plan (plan, apply, destroy, rollback): how much of it to show.</summary>
internal static class PlanViewOptions
{
    /// <summary><c>--full</c>: no folding of large creates and deletes, nor of unchanged lines of multi-line values.</summary>
    public static Option<bool> Full() => new("--full")
    {
        Description = "Show the whole plan: large creates and deletes unfolded, every line of multi-line values.",
    };

    /// <summary><c>--max-size N</c>: the markdown plan's budget in characters (GitHub's comment limit is 65,536).</summary>
    public static Option<int> MaxSize() => new("--max-size")
    {
        Description = "With -o markdown: the most characters to print; resources past it are listed by name only.",
        HelpName = "N",
        DefaultValueFactory = _ => PlanMarkdownOptions.DefaultMaxSize,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return PlanMarkdownOptions.DefaultMaxSize;
            }

            var text = result.Tokens[0].Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0)
            {
                return size;
            }

            result.AddError($"--max-size: \"{text}\" is not a number of characters; give a whole number above 0, such as {PlanMarkdownOptions.DefaultMaxSize}.");
            return PlanMarkdownOptions.DefaultMaxSize;
        },
    };

    /// <summary>What the text plan shows, from <c>--verbose</c> and <paramref name="full"/>.</summary>
    public static PlanTextOptions Text(CliServices services, ParseResult result, Option<bool> full) =>
        new(result.GetValue(services.Options.Verbose), result.GetValue(full));
}
