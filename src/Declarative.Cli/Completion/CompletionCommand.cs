using System.CommandLine;

namespace Declarative.Cli.Completion;

/// <summary><c>decl completion bash|zsh|fish|pwsh</c>: prints the shell's completion script (docs/completion.md). The
/// scripts hold no list of commands: they call <see cref="CompleteCommand"/> on every Tab.</summary>
internal static class CompletionCommand
{
    /// <summary>Shell name to the embedded script (Completion/Scripts).</summary>
    public static readonly IReadOnlyDictionary<string, string> Scripts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bash"] = "decl.bash",
        ["zsh"] = "decl.zsh",
        ["fish"] = "decl.fish",
        ["pwsh"] = "decl.ps1",
    };

    public static Command Create(IOContext io)
    {
        var shell = new Argument<string>("SHELL") { Description = "The shell: bash, zsh, fish or pwsh." };
        shell.AcceptOnlyFromAmong([.. Scripts.Keys]);
        var command = new Command("completion", "Print the shell completion script for bash, zsh, fish or pwsh (source it from your shell's profile).") { shell };
        command.SetAction(result =>
        {
            io.Out.Write(Script(result.GetValue(shell)!));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static string Script(string shell)
    {
        var name = $"Declarative.Cli.Completion.Scripts.{Scripts[shell]}";
        using var stream = typeof(CompletionCommand).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The completion script {name} is not embedded in decl; the build lost it.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
