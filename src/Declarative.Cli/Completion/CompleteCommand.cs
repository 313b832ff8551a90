using System.CommandLine;

namespace Declarative.Cli.Completion;

/// <summary><c>decl complete -- WORD...</c>, hidden: what the scripts of <c>decl completion SHELL</c> call on every
/// Tab, printing one candidate per line for the last WORD (docs/completion.md).</summary>
internal static class CompleteCommand
{
    public const string Name = "complete";

    public static Command Create(IOContext io)
    {
        var words = new Argument<string[]>("WORDS")
        {
            Description = "The words after `decl` up to the cursor; the last is the one to complete (empty after a space).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var command = new Command(Name, "Print the completions of a partly typed decl command line, one per line.") { Hidden = true };
        command.Arguments.Add(words);
        command.SetAction(result =>
        {
            foreach (var candidate in WordCompleter.Complete(result.RootCommandResult.Command, result.GetValue(words) ?? []))
            {
                io.Out.WriteLine(candidate);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
