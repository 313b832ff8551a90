namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>When PlanAsync asks the server for a dry-run of an apply.</summary>
public enum DryRunPolicy
{
    /// <summary>Only where desired differs from the last applied object or live drifted from it (DESIGN "Plan").</summary>
    WhenChanged,

    /// <summary>Never: every plan is local and marked as not knowing the server's defaults.</summary>
    Never,
}
