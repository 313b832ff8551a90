using System.Text.Json.Nodes;
using static Declarative.Kubernetes.ApiServer.Tests.Admission.Fixtures;

namespace Declarative.Kubernetes.ApiServer.Tests.Admission;

public sealed class ImmutabilityTests
{
    private const string JobBody = "{'metadata':{'name':'migrate','uid':'u1'},'spec':{'template':{'spec':{'restartPolicy':'Never','containers':[{'name':'c','image':'m:1'}]}}}}";

    [Fact]
    public void Changing_a_Deployment_selector_is_rejected()
    {
        var harness = Chain();
        var created = harness.Create(Deployments, Deployment());

        var status = Rejected(() => harness.Update(Deployments, created, body =>
        {
            body["spec"]!["selector"] = Json("{'matchLabels':{'app':'web','tier':'front'}}");
            body["spec"]!["template"]!["metadata"]!["labels"]!["tier"] = "front";
        }));

        var cause = OnlyCause(status);
        Assert.Equal("spec.selector", cause["field"]!.GetValue<string>());
        Assert.Equal("Invalid value: {\"matchLabels\":{\"app\":\"web\",\"tier\":\"front\"}}: field is immutable", cause["message"]!.GetValue<string>());
        Assert.Equal("web", status["details"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Changing_a_Deployment_template_is_allowed()
    {
        var harness = Chain();
        var created = harness.Create(Deployments, Deployment());

        var updated = harness.Update(Deployments, created, body => body["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "nginx:1.28");

        Assert.Equal("nginx:1.28", updated["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
    }

    [Fact]
    public void Changing_a_Job_template_is_rejected()
    {
        var harness = Chain();
        var jobs = Resource("batch", "Job");
        var created = harness.Create(jobs, Json(JobBody));

        var status = Rejected(() => harness.Update(jobs, created, body => body["spec"]!["template"]!["spec"]!["containers"]![0]!["image"] = "m:2"));

        Assert.Equal(["spec.template"], CauseFields(status));
        Assert.EndsWith(": field is immutable", OnlyCause(status)["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("batch", status["details"]!["group"]!.GetValue<string>());
    }

    [Fact]
    public void Changing_a_Job_selector_is_rejected()
    {
        var harness = Chain();
        var jobs = Resource("batch", "Job");
        var created = harness.Create(jobs, Json(JobBody));

        var status = Rejected(() => harness.Update(jobs, created, body => body["spec"]!["selector"] = Json("{'matchLabels':{'batch.kubernetes.io/controller-uid':'u2'}}")));

        Assert.Contains("spec.selector", CauseFields(status));
    }

    [Fact]
    public void Changing_StatefulSet_claim_templates_is_forbidden_but_scaling_is_not()
    {
        var harness = Chain();
        var sets = Resource("apps", "StatefulSet");
        var body = Deployment("db");
        body["spec"]!["volumeClaimTemplates"] = new JsonArray(Json("{'metadata':{'name':'data'},'spec':{'accessModes':['ReadWriteOnce'],'resources':{'requests':{'storage':'1Gi'}}}}"));
        var created = harness.Create(sets, body);

        var scaled = harness.Update(sets, created, b => b["spec"]!["replicas"] = 3);
        var status = Rejected(() => harness.Update(sets, created, b => b["spec"]!["volumeClaimTemplates"]![0]!["spec"]!["resources"]!["requests"]!["storage"] = "2Gi"));

        Assert.Equal(3, scaled["spec"]!["replicas"]!.GetValue<int>());
        var cause = OnlyCause(status);
        Assert.Equal("FieldValueForbidden", cause["reason"]!.GetValue<string>());
        Assert.Equal("spec", cause["field"]!.GetValue<string>());
        Assert.StartsWith("Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template'", cause["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unbound_claim_may_not_change_its_spec()
    {
        var harness = Chain();
        var claims = Resource("", "PersistentVolumeClaim");
        var created = harness.Create(claims, Json("{'metadata':{'name':'data'},'spec':{'accessModes':['ReadWriteOnce'],'resources':{'requests':{'storage':'1Gi'}}}}"));

        var status = Rejected(() => harness.Update(claims, created, b => b["spec"]!["resources"]!["requests"]!["storage"] = "2Gi"));

        Assert.Equal(["spec"], CauseFields(status));
    }

    [Fact]
    public void A_bound_claim_may_grow()
    {
        var harness = Chain();
        var claims = Resource("", "PersistentVolumeClaim");
        var created = harness.Create(claims, Json("{'metadata':{'name':'data'},'spec':{'accessModes':['ReadWriteOnce'],'resources':{'requests':{'storage':'1Gi'}}}}"));
        var bound = harness.Chain.PrepareStatusUpdate(claims, created, Json("{'status':{'phase':'Bound'}}"));

        var grown = harness.Update(claims, bound, b => b["spec"]!["resources"]!["requests"]!["storage"] = "2Gi");

        Assert.Equal("2Gi", grown["spec"]!["resources"]!["requests"]!["storage"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ConfigMap", "{'a':'1'}", "{'a':'2'}")]
    [InlineData("Secret", "{'a':'MQ=='}", "{'a':'Mg=='}")]
    public void Data_of_an_immutable_ConfigMap_or_Secret_cannot_change(string kind, string before, string after)
    {
        var harness = Chain();
        var resource = Resource("", kind);
        var created = harness.Create(resource, Json("{'metadata':{'name':'cfg'},'immutable':true,'data':" + before + "}"));

        var status = Rejected(() => harness.Update(resource, created, b => b["data"] = Json(after)));

        var cause = OnlyCause(status);
        Assert.Equal("data", cause["field"]!.GetValue<string>());
        Assert.Equal("Forbidden: field is immutable when `immutable` is set", cause["message"]!.GetValue<string>());
    }

    [Fact]
    public void Data_of_a_mutable_ConfigMap_can_change()
    {
        var harness = Chain();
        var configMaps = Resource("", "ConfigMap");
        var created = harness.Create(configMaps, Json("{'metadata':{'name':'cfg'},'data':{'a':'1'}}"));

        var updated = harness.Update(configMaps, created, b => b["data"] = Json("{'a':'2'}"));

        Assert.Equal("2", updated["data"]!["a"]!.GetValue<string>());
    }
}
