namespace Declarative.Core.Providers;

/// <summary>
/// What a dependency points at. <see cref="Group"/> null means "any group" (a bare Kind in depends-on);
/// <see cref="Namespace"/> null means "cluster-scoped, or the referring resource's namespace": the graph
/// builder resolves it against the resources of the project.
/// </summary>
public sealed record ReferenceTarget(string? Group, string Kind, string? Namespace, string Name)
{
    public override string ToString()
    {
        var kind = Group is null or "" ? Kind : $"{Kind}.{Group}";
        return Namespace is null ? $"{kind}/{Name}" : $"{kind}/{Namespace}/{Name}";
    }
}
