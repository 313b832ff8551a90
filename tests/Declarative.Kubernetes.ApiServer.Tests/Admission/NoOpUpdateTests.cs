using static Declarative.Kubernetes.ApiServer.Tests.Admission.Fixtures;

namespace Declarative.Kubernetes.ApiServer.Tests.Admission;

/// <summary>Storage detects no-op writes by comparing bytes, so re-sending a stored object must change nothing.</summary>
public sealed class NoOpUpdateTests
{
    [Theory]
    [InlineData("apps", "Deployment", "{'metadata':{'name':'web'},'spec':{'selector':{'matchLabels':{'app':'web'}},'template':{'metadata':{'labels':{'app':'web'}},'spec':{'containers':[{'name':'c','image':'nginx','livenessProbe':{'httpGet':{'port':80}}}],'volumes':[{'name':'v'}]}}}}")]
    [InlineData("batch", "Job", "{'metadata':{'name':'j','uid':'u'},'spec':{'template':{'spec':{'restartPolicy':'Never','containers':[{'name':'c','image':'m:1'}]}}}}")]
    [InlineData("", "Pod", "{'metadata':{'name':'p'},'spec':{'containers':[{'name':'c','image':'nginx','resources':{'limits':{'cpu':'1'}}}]}}")]
    [InlineData("", "Service", "{'metadata':{'name':'lb'},'spec':{'type':'LoadBalancer','externalTrafficPolicy':'Local','selector':{'app':'web'},'ports':[{'port':80}]}}")]
    [InlineData("", "Service", "{'metadata':{'name':'db'},'spec':{'clusterIP':'None','ports':[{'port':5432}]}}")]
    [InlineData("", "Namespace", "{'metadata':{'name':'shop'}}")]
    [InlineData("", "Secret", "{'metadata':{'name':'s'},'stringData':{'a':'b'}}")]
    public void Resending_the_stored_object_changes_nothing(string group, string kind, string body)
    {
        var harness = Chain();
        var resource = Resource(group, kind);
        var stored = harness.Create(resource, Json(body));

        var updated = harness.Chain.PrepareForUpdate(resource, stored, stored);

        AssertJson(stored, updated);
        Assert.False(harness.Chain.ChangesGeneration(resource, stored, updated));
    }
}
