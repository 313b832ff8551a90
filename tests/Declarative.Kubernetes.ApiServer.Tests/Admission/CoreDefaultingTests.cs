using static Declarative.Kubernetes.ApiServer.Tests.Admission.Fixtures;

namespace Declarative.Kubernetes.ApiServer.Tests.Admission;

public sealed class CoreDefaultingTests
{
    [Fact]
    public void Secret_is_Opaque_and_stringData_lands_in_data_base64_encoded()
    {
        var body = Json("{'metadata':{'name':'s'},'data':{'a':'eA=='},'stringData':{'password':'hunter2'}}");

        var secret = Chain().Create(Resource("", "Secret"), body);

        Assert.Equal("Opaque", secret["type"]!.GetValue<string>());
        AssertJson(Json("{'a':'eA==','password':'aHVudGVyMg=='}"), secret["data"]!);
        Assert.Null(secret["stringData"]);
    }

    [Fact]
    public void Claim_is_a_Filesystem_volume_and_starts_Pending()
    {
        var body = Json("{'metadata':{'name':'data'},'spec':{'accessModes':['ReadWriteOnce'],'resources':{'requests':{'storage':'1Gi'}}}}");

        var claim = Chain().Create(Resource("", "PersistentVolumeClaim"), body);

        Assert.Equal("Filesystem", claim["spec"]!["volumeMode"]!.GetValue<string>());
        AssertJson(Json("{'phase':'Pending'}"), claim["status"]!);
    }

    [Fact]
    public void Namespace_gets_its_name_label_the_kubernetes_finalizer_and_is_Active()
    {
        var created = Chain().Create(Resource("", "Namespace"), Json("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'shop'}}"));

        AssertJson(
            Json("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'shop','labels':{'kubernetes.io/metadata.name':'shop'}},'spec':{'finalizers':['kubernetes']},'status':{'phase':'Active'}}"),
            created);
    }

    [Fact]
    public void Namespace_update_keeps_finalizers_and_status_the_body_drops()
    {
        var harness = Chain();
        var created = harness.Create(Resource("", "Namespace"), Json("{'metadata':{'name':'shop'}}"));

        var updated = harness.Update(Resource("", "Namespace"), created, body =>
        {
            body.Remove("spec");
            body.Remove("status");
        });

        AssertJson(Json("{'finalizers':['kubernetes']}"), updated["spec"]!);
        AssertJson(Json("{'phase':'Active'}"), updated["status"]!);
    }

    [Fact]
    public void ConfigMap_gets_nothing_added()
    {
        var body = Json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'cfg'}}");

        AssertJson(body, Chain().Create(Resource("", "ConfigMap"), body));
    }
}
