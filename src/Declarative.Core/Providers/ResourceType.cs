namespace Declarative.Core.Providers;

/// <summary>apiVersion and kind of a document. <see cref="Group"/> is "" for the Kubernetes core group.</summary>
public readonly record struct ResourceType(string ApiVersion, string Kind)
{
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

    public string Version => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[(ApiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..] : ApiVersion;

    public KindRef KindRef => new(Group, Kind);

    public override string ToString() => $"{ApiVersion}/{Kind}";
}

/// <summary>A kind within a group, independent of version ("apps", "Deployment").</summary>
public readonly record struct KindRef(string Group, string Kind)
{
    /// <summary>"Deployment.apps", or "Service" for the core group.</summary>
    public override string ToString() => Group.Length == 0 ? Kind : $"{Kind}.{Group}";
}
