namespace Declarative.Providers.Kubernetes.Client;

/// <summary>How a create (POST) is sent: the field manager its fields are recorded under, and whether it is a dry
/// run that the server validates in full but does not store.</summary>
public sealed record KubeCreateOptions(string FieldManager = KubeApplyOptions.DefaultFieldManager, bool DryRun = false);
