using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Admission.Defaulting;

/// <summary>What a bare Pod gets beyond its PodSpec defaults: SetDefaults_Pod (enableServiceLinks, requests
/// from limits) and the default admission plugins ServiceAccount, Priority and DefaultTolerationSeconds.</summary>
internal static class PodDefaults
{
    private static readonly string[] TaintKeys = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"];

    public static void Apply(JsonObject spec)
    {
        PodSpecDefaults.Apply(spec);
        JsonTree.Default(spec, "enableServiceLinks", true);
        JsonTree.Default(spec, "serviceAccountName", "default");
        JsonTree.Default(spec, "serviceAccount", JsonTree.Text(spec, "serviceAccountName") ?? "default");
        if (JsonTree.IsAbsent(spec, "priorityClassName"))
        {
            JsonTree.Default(spec, "priority", 0);
        }

        JsonTree.Default(spec, "preemptionPolicy", "PreemptLowerPriority");
        foreach (var key in new[] { "initContainers", "containers" })
        {
            foreach (var (container, _) in JsonTree.Items(spec, key))
            {
                RequestsFromLimits(container);
            }
        }

        AddDefaultTolerations(spec);
    }

    private static void RequestsFromLimits(JsonObject container)
    {
        var resources = JsonTree.Existing(container, "resources");
        if (JsonTree.Existing(resources, "limits") is not { Count: > 0 } limits)
        {
            return;
        }

        var requests = JsonTree.Child(resources!, "requests");
        foreach (var (name, quantity) in limits)
        {
            if (requests is not null && quantity is not null)
            {
                JsonTree.Default(requests, name, quantity.DeepClone());
            }
        }
    }

    private static void AddDefaultTolerations(JsonObject spec)
    {
        if (spec["tolerations"] is not JsonArray tolerations)
        {
            if (spec["tolerations"] is not null)
            {
                return;
            }

            tolerations = [];
            spec["tolerations"] = tolerations;
        }

        foreach (var key in TaintKeys)
        {
            var tolerated = tolerations.OfType<JsonObject>().Any(t => Tolerates(t, key));
            if (!tolerated)
            {
                tolerations.Add(new JsonObject
                {
                    ["key"] = key,
                    ["operator"] = "Exists",
                    ["effect"] = "NoExecute",
                    ["tolerationSeconds"] = 300,
                });
            }
        }
    }

    private static bool Tolerates(JsonObject toleration, string key)
    {
        var effect = JsonTree.Text(toleration, "effect");
        var tolKey = JsonTree.Text(toleration, "key");
        return (effect is null or "" or "NoExecute") && (tolKey == key || (tolKey is null or "" && JsonTree.Text(toleration, "operator") == "Exists"));
    }
}
