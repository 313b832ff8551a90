using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Storage;

/// <summary>What a real cluster holds from the start and puts into every namespace.</summary>
public static class NamespaceBootstrap
{
    public static readonly IReadOnlyList<string> InitialNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public const string RootCaConfigMap = "kube-root-ca.crt";

    public const string PlaceholderCa = "-----BEGIN CERTIFICATE-----\nMIIBdeclarativeDoubleCAplaceholder\n-----END CERTIFICATE-----\n";

    private const string RootCaDescription =
        "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";

    public static JsonObject Namespace(string name) => WithDefaults(new JsonObject
    {
        ["kind"] = "Namespace",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject { ["name"] = name },
    });

    /// <summary>SetDefaults_Namespace and the namespace strategy: the name label, the kubernetes finalizer, phase
    /// Active. Applied to every namespace written, so a client cannot drop them.</summary>
    public static JsonObject WithDefaults(JsonObject ns)
    {
        var metadata = ObjectMeta.Metadata(ns);
        if (metadata["labels"] is not JsonObject labels)
        {
            labels = [];
            metadata["labels"] = labels;
        }

        labels["kubernetes.io/metadata.name"] = ObjectMeta.Name(ns);
        if (ns["spec"] is not JsonObject spec)
        {
            spec = [];
            ns["spec"] = spec;
        }

        spec["finalizers"] ??= new JsonArray("kubernetes");
        if (ns["status"] is not JsonObject status)
        {
            status = [];
            ns["status"] = status;
        }

        status["phase"] ??= "Active";
        return ns;
    }

    public static JsonObject DefaultServiceAccount(string ns) => new()
    {
        ["kind"] = "ServiceAccount",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject { ["name"] = "default", ["namespace"] = ns },
    };

    public static JsonObject RootCa(string ns, string pem) => new()
    {
        ["kind"] = "ConfigMap",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject
        {
            ["name"] = RootCaConfigMap,
            ["namespace"] = ns,
            ["annotations"] = new JsonObject { ["kubernetes.io/description"] = RootCaDescription },
        },
        ["data"] = new JsonObject { ["ca.crt"] = pem },
    };
}
