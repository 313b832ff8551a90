using System.CommandLine;

namespace Declarative.Cli.Commands;

/// <summary>Options of the commands that talk to live systems.</summary>
internal static class EngineOptions
{
    public static Option<bool> Adopt() => new("--adopt") { Description = "Take over existing objects that lack Declarative's ownership labels." };

    public static Option<bool> NoForceConflicts() => new("--no-force-conflicts") { Description = "Fail on fields another manager owns instead of taking them (kubectl's behaviour)." };

    public static Option<string> Output() => new Option<string>("--output", "-o") { Description = "Output format.", DefaultValueFactory = _ => "text" };
}
