using Declarative.Providers.Kubernetes.Config;

namespace Declarative.Cli;

/// <summary>How the CLI finds kubeconfig: --kubeconfig (relative to the working directory), --context, the
/// environment's context, --as/--as-group/--as-uid, and KUBECONFIG, HOME and the proxy variables from the process
/// context (so tests stay hermetic).</summary>
internal static class KubeconfigOptions
{
    public static KubeconfigLoadOptions For(
        IOContext io, string? kubeconfig, string? context, string? environmentContext, KubeImpersonationOverrides? impersonation = null) => new()
    {
        Impersonation = impersonation,
        ExplicitPath = kubeconfig is null ? null : Path.GetFullPath(Path.Combine(io.WorkingDirectory, kubeconfig)),
        Context = context,
        EnvironmentContext = environmentContext,
        GetEnvironmentVariable = name => io.EnvironmentVariables.TryGetValue(name, out var value) ? value : null,
        HomeDirectory = io.HomeDirectory,
    };
}
