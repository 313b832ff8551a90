using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;

namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>
/// Which pod templates never get ready in the simulation: any container (init containers included) whose image
/// tag is <c>fail</c> (<c>example/app:fail</c>) or whose registry host is <c>unreachable.invalid</c>. Their pods
/// stay as a real cluster leaves them on ErrImagePull: created, never ready.
/// </summary>
internal static class ImagePull
{
    public const string FailingTag = "fail";
    public const string UnreachableRegistry = "unreachable.invalid";

    public static bool Fails(JsonObject? podTemplate)
    {
        var spec = JsonTree.Existing(podTemplate, "spec");
        return new[] { "initContainers", "containers" }
            .SelectMany(list => JsonTree.Items(spec, list))
            .Select(item => JsonTree.Text(item.Item, "image"))
            .Any(image => image is not null && Fails(image));
    }

    public static bool Fails(string image)
    {
        var withoutDigest = image.Split('@')[0];
        var slash = withoutDigest.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && string.Equals(withoutDigest[..slash].Split(':')[0], UnreachableRegistry, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var lastSegment = withoutDigest[(withoutDigest.LastIndexOf('/') + 1)..];
        var colon = lastSegment.LastIndexOf(':');
        return colon >= 0 && lastSegment[(colon + 1)..] == FailingTag;
    }
}
