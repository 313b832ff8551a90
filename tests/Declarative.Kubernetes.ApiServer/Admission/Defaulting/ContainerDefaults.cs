using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Admission.Defaulting;

/// <summary>Container defaults (SetDefaults_Container, probes, handlers, ports, env field references).</summary>
internal static class ContainerDefaults
{
    private static readonly string[] ProbeKeys = ["livenessProbe", "readinessProbe", "startupProbe"];

    public static void Apply(JsonObject container)
    {
        JsonTree.Default(container, "terminationMessagePath", "/dev/termination-log");
        JsonTree.Default(container, "terminationMessagePolicy", "File");
        JsonTree.Default(container, "imagePullPolicy", ImagePullPolicy.For(JsonTree.Text(container, "image") ?? string.Empty));
        JsonTree.Default(container, "resources", new JsonObject());
        foreach (var (port, _) in JsonTree.Items(container, "ports"))
        {
            JsonTree.Default(port, "protocol", "TCP");
        }

        foreach (var key in ProbeKeys)
        {
            if (JsonTree.Existing(container, key) is { } probe)
            {
                ApplyProbe(probe);
            }
        }

        ApplyLifecycle(JsonTree.Existing(container, "lifecycle"));
        foreach (var (env, _) in JsonTree.Items(container, "env"))
        {
            ApplyFieldRef(JsonTree.Existing(JsonTree.Existing(env, "valueFrom"), "fieldRef"));
        }
    }

    public static void ApplyFieldRef(JsonObject? fieldRef)
    {
        if (fieldRef is not null)
        {
            JsonTree.Default(fieldRef, "apiVersion", "v1");
        }
    }

    private static void ApplyProbe(JsonObject probe)
    {
        JsonTree.Default(probe, "timeoutSeconds", 1);
        JsonTree.Default(probe, "periodSeconds", 10);
        JsonTree.Default(probe, "successThreshold", 1);
        JsonTree.Default(probe, "failureThreshold", 3);
        ApplyHandler(probe);
        if (JsonTree.Existing(probe, "grpc") is { } grpc)
        {
            JsonTree.Default(grpc, "service", string.Empty);
        }
    }

    private static void ApplyLifecycle(JsonObject? lifecycle)
    {
        foreach (var hook in new[] { "postStart", "preStop" })
        {
            if (JsonTree.Existing(lifecycle, hook) is { } handler)
            {
                ApplyHandler(handler);
            }
        }
    }

    private static void ApplyHandler(JsonObject handler)
    {
        if (JsonTree.Existing(handler, "httpGet") is { } httpGet)
        {
            JsonTree.Default(httpGet, "path", "/");
            JsonTree.Default(httpGet, "scheme", "HTTP");
        }
    }
}
