using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>A client-go credential plugin (reference 1.4): the command to run and what to tell it.</summary>
public sealed record KubeExecConfig(
    string ApiVersion,
    string Command,
    ImmutableArray<string> Args,
    ImmutableArray<KeyValuePair<string, string>> Env,
    bool ProvideClusterInfo,
    string InteractiveMode,
    string? InstallHint)
{
    public const string V1 = "client.authentication.k8s.io/v1";
    public const string V1Beta1 = "client.authentication.k8s.io/v1beta1";

    /// <summary>The cluster as the plugin sees it with provideClusterInfo (spec.cluster of the ExecCredential).</summary>
    public JsonObject? ClusterInfo { get; init; }
}
