namespace Declarative.Providers.Kubernetes.Config;

/// <summary>
/// The kubeconfig (or in-cluster configuration) cannot give a usable target: a missing file or context, a bad
/// field, a failing credential plugin. The message says what is wrong and what to do; it never carries secrets.
/// </summary>
public sealed class KubeConfigException : Exception
{
    public KubeConfigException()
        : base("The Kubernetes configuration is not usable")
    {
    }

    public KubeConfigException(string message)
        : base(message)
    {
    }

    public KubeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
