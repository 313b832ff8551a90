using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Lifecycle;

/// <summary>Owners and dependents built by hand, as the Deployment controller would build them.</summary>
internal static class Objects
{
    public const string Hold = "example.com/hold";

    public static JsonObject Deployment(string name, string ns = "default") => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject
        {
            ["replicas"] = 0,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = Template(name),
        },
    };

    /// <summary>A ReplicaSet of 0 replicas (no pods are needed) owned by <paramref name="owner"/>.</summary>
    public static JsonObject ReplicaSet(string name, JsonObject owner, bool blockOwnerDeletion = true, params string[] finalizers)
    {
        var app = owner["metadata"]!["name"]!.GetValue<string>();
        var rs = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "ReplicaSet",
            ["metadata"] = Metadata(name, owner, blockOwnerDeletion, finalizers),
            ["spec"] = new JsonObject
            {
                ["replicas"] = 0,
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = app } },
                ["template"] = Template(app),
            },
        };
        return rs;
    }

    public static JsonObject ConfigMap(string name, JsonObject? owner = null, params string[] finalizers)
    {
        var metadata = owner is null ? new JsonObject { ["name"] = name } : Metadata(name, owner, blockOwnerDeletion: true, finalizers);
        if (owner is null && finalizers.Length > 0)
        {
            metadata["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
        }

        return new JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = metadata, ["data"] = new JsonObject { ["k"] = "v" } };
    }

    public static JsonObject OwnerReference(JsonObject owner, bool blockOwnerDeletion = true) => new()
    {
        ["apiVersion"] = owner["apiVersion"]!.GetValue<string>(),
        ["kind"] = owner["kind"]!.GetValue<string>(),
        ["name"] = owner["metadata"]!["name"]!.GetValue<string>(),
        ["uid"] = owner["metadata"]!["uid"]!.GetValue<string>(),
        ["controller"] = true,
        ["blockOwnerDeletion"] = blockOwnerDeletion,
    };

    public static JsonObject Namespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject { ["name"] = name },
    };

    public static JsonObject WidgetCrd() => JsonNode.Parse("""
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"widgets.example.com"},
         "spec":{"group":"example.com","scope":"Namespaced",
           "names":{"kind":"Widget","plural":"widgets","singular":"widget"},
           "versions":[{"name":"v1","served":true,"storage":true,
             "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}]}}
        """)!.AsObject();

    public static JsonObject Widget(string name, string ns = "default") => new()
    {
        ["apiVersion"] = "example.com/v1",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
        ["spec"] = new JsonObject { ["size"] = 1 },
    };

    public static string Text(JsonNode? node, string path)
    {
        var current = node;
        foreach (var step in path.Split('.'))
        {
            current = current?[step];
        }

        return current?.ToString() ?? string.Empty;
    }

    private static JsonObject Metadata(string name, JsonObject owner, bool blockOwnerDeletion, string[] finalizers)
    {
        var metadata = new JsonObject { ["name"] = name, ["ownerReferences"] = new JsonArray(OwnerReference(owner, blockOwnerDeletion)) };
        if (finalizers.Length > 0)
        {
            metadata["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
        }

        return metadata;
    }

    private static JsonObject Template(string app) => new()
    {
        ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = app } },
        ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = "nginx:1.27" }) },
    };
}
