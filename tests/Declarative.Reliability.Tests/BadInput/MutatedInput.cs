namespace Declarative.Reliability.Tests.BadInput;

/// <summary>One broken project: its files, what was done to it, and the file the error must name (null when the fault
/// spans files, as a dependency cycle does, and any located error will do).</summary>
internal sealed record MutatedInput(int Index, MutationKind Kind, string Description, IReadOnlyDictionary<string, byte[]> Files, string? FaultFile)
{
    public override string ToString() => $"#{Index} {Kind}: {Description}";
}
