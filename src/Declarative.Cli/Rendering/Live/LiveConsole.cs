using Spectre.Console;

namespace Declarative.Cli.Rendering.Live;

/// <summary>The Spectre console the live view draws on: the CLI's own stdout, with cursor control always (it is only
/// made for a terminal) and colour only when wanted.</summary>
internal static class LiveConsole
{
    public static IAnsiConsole Create(IOContext io, bool color) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Yes,
        ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.Yes,
        Out = new AnsiConsoleOutput(io.Out),
        EnvironmentVariables = io.EnvironmentVariables.ToDictionary(StringComparer.Ordinal),
    });
}
