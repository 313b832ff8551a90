namespace Declarative.Core.Providers;

/// <summary>
/// What a dependency points at. <see cref="Group"/> null means "any group" (a bare Kind in depends-on);
/// <see cref="Namespace"/> null means "cluster-scoped, or the referring resource's namespace": the graph
/// builder resolves it against the resources of the project. <see cref="Module"/> null means "any module" (object
/// names are unique across modules); set, only that module instance's resources ("" the project's own) match.
/// </summary>
public sealed record ReferenceTarget(string? Group, string Kind, string? Namespace, string Name, string? Module = null)
{
    public override string ToString()
    {
        var kind = Group is null or "" ? Kind : $"{Kind}.{Group}";
        var prefix = string.IsNullOrEmpty(Module) ? string.Empty : $"module.{Module}/";
        return Namespace is null ? $"{prefix}{kind}/{Name}" : $"{prefix}{kind}/{Namespace}/{Name}";
    }
}
