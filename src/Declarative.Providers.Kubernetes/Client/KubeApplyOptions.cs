namespace Declarative.Providers.Kubernetes.Client;

/// <summary>How a server-side apply is sent: field manager, force (take fields from other managers), dry run.</summary>
public sealed record KubeApplyOptions(string FieldManager = KubeApplyOptions.DefaultFieldManager, bool Force = true, bool DryRun = false)
{
    public const string DefaultFieldManager = "declarative";
}
