namespace Declarative.Testing.StateContract;

/// <summary>One environment's history in a store's backing storage: many projects and environments share one
/// database or namespace, a folder holds one.</summary>
public sealed record StoreName(string Project, string Environment)
{
    public override string ToString() => $"{Project}/{Environment}";
}
