namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>What makes two managedFields entries the same manager.</summary>
internal sealed record ManagerKey(string Manager, string Operation, string? ApiVersion, string? Subresource);
