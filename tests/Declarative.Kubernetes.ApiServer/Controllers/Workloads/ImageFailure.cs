using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>The double's failure switch: a container whose image tag is <c>fail</c> or whose registry host is
/// <c>unreachable.invalid</c> never becomes ready (a Job's pods fail).</summary>
internal static class ImageFailure
{
    public static bool Fails(JsonObject? podTemplate)
    {
        var spec = JsonTree.Existing(podTemplate, "spec");
        return JsonTree.Items(spec, "containers").Concat(JsonTree.Items(spec, "initContainers"))
            .Select(c => JsonTree.Text(c.Item, "image") ?? string.Empty)
            .Any(IsFailing);
    }

    public static bool IsFailing(string image)
    {
        var withoutDigest = image.Split('@')[0];
        var lastSlash = withoutDigest.LastIndexOf('/');
        var colon = withoutDigest.LastIndexOf(':');
        var tag = colon > lastSlash ? withoutDigest[(colon + 1)..] : string.Empty;
        var host = lastSlash > 0 ? withoutDigest[..withoutDigest.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
        return tag == "fail" || host.Split(':')[0] == "unreachable.invalid";
    }
}
