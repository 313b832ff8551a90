namespace Declarative.Kubernetes.ApiServer.Admission.Defaulting;

/// <summary>
/// The imagePullPolicy default (kubernetes SetDefaults_Container with parsers.ParseImageName): Always when the
/// tag is "latest", or when there is neither tag nor digest (the tag then defaults to latest); otherwise
/// IfNotPresent, a digest-only reference included.
/// </summary>
internal static class ImagePullPolicy
{
    public static string For(string image) => TagOf(image) == "latest" ? "Always" : "IfNotPresent";

    private static string TagOf(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var named = at < 0 ? image : image[..at];
        var hasDigest = at >= 0;
        var lastSlash = named.LastIndexOf('/');
        var colon = named.LastIndexOf(':');
        var tag = colon > lastSlash ? named[(colon + 1)..] : string.Empty;
        return tag.Length == 0 && !hasDigest && named.Length > 0 ? "latest" : tag;
    }
}
