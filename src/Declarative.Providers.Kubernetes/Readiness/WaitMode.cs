using System.Text.Json.Nodes;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Readiness;

/// <summary>What a wait awaits, from the <c>declarative.dev/wait</c> annotation (none | exists | ready; default ready).</summary>
public enum WaitMode
{
    Ready,
    Exists,
    None,
}

/// <summary>Reads <see cref="WaitMode"/> from an object.</summary>
public static class WaitModes
{
    public static WaitMode Of(JsonObject obj)
    {
        var annotations = JsonPointer.Get(obj, "/metadata/annotations") as JsonObject;
        return JsonText.Of(annotations?[WellKnown.WaitAnnotation]) switch
        {
            "none" => WaitMode.None,
            "exists" => WaitMode.Exists,
            _ => WaitMode.Ready,
        };
    }
}
