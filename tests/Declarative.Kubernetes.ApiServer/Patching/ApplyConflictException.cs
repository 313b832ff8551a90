namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>An apply without force that would change fields other managers own.</summary>
public sealed class ApplyConflictException : Exception
{
    public ApplyConflictException(IReadOnlyList<FieldConflict> conflicts)
        : base($"Apply failed with {conflicts.Count} conflict(s)")
    {
        Conflicts = conflicts;
    }

    public ApplyConflictException()
        : this([])
    {
    }

    public ApplyConflictException(string message)
        : base(message)
    {
        Conflicts = [];
    }

    public ApplyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Conflicts = [];
    }

    public IReadOnlyList<FieldConflict> Conflicts { get; }
}
