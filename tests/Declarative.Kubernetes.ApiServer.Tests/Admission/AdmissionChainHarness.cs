using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Admission;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Tests.Admission;

/// <summary>An AdmissionChain plus the create-then-update round trips the tests need.</summary>
internal sealed class AdmissionChainHarness
{
    public AdmissionChain Chain { get; } = new(TimeProvider.System);

    public JsonObject Create(ApiResource resource, JsonObject body) => Chain.PrepareForCreate(resource, body);

    public JsonObject Update(ApiResource resource, JsonObject old, Action<JsonObject> change)
    {
        var body = (JsonObject)old.DeepClone();
        change(body);
        return Chain.PrepareForUpdate(resource, old, body);
    }
}
