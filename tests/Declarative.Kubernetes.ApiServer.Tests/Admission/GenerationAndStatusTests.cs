using static Declarative.Kubernetes.ApiServer.Tests.Admission.Fixtures;

namespace Declarative.Kubernetes.ApiServer.Tests.Admission;

public sealed class GenerationAndStatusTests
{
    [Fact]
    public void A_spec_change_bumps_the_generation()
    {
        var chain = Chain();
        var old = chain.Create(Deployments, Deployment());

        var updated = chain.Update(Deployments, old, b => b["spec"]!["replicas"] = 4);

        Assert.True(chain.Chain.ChangesGeneration(Deployments, old, updated));
    }

    [Fact]
    public void A_label_change_does_not_bump_the_generation()
    {
        var chain = Chain();
        var old = chain.Create(Deployments, Deployment());

        var updated = chain.Update(Deployments, old, b => b["metadata"]!["labels"] = Json("{'team':'shop'}"));

        Assert.False(chain.Chain.ChangesGeneration(Deployments, old, updated));
    }

    [Fact]
    public void A_Deployment_annotation_change_bumps_the_generation_but_a_ReplicaSet_one_does_not()
    {
        var chain = Chain();
        var replicaSets = Resource("apps", "ReplicaSet");
        var deployment = chain.Create(Deployments, Deployment());
        var replicaSet = chain.Create(replicaSets, Deployment());

        var annotate = (Action<System.Text.Json.Nodes.JsonObject>)(b => b["metadata"]!["annotations"] = Json("{'note':'x'}"));

        Assert.True(chain.Chain.ChangesGeneration(Deployments, deployment, chain.Update(Deployments, deployment, annotate)));
        Assert.False(chain.Chain.ChangesGeneration(replicaSets, replicaSet, chain.Update(replicaSets, replicaSet, annotate)));
    }

    [Fact]
    public void Types_without_a_generation_never_bump_it()
    {
        var chain = Chain();
        var configMaps = Resource("", "ConfigMap");
        var old = chain.Create(configMaps, Json("{'metadata':{'name':'cfg'},'data':{'a':'1'}}"));

        var updated = chain.Update(configMaps, old, b => b["data"] = Json("{'a':'2'}"));

        Assert.False(chain.Chain.TracksGeneration(configMaps));
        Assert.False(chain.Chain.ChangesGeneration(configMaps, old, updated));
        Assert.True(chain.Chain.TracksGeneration(Deployments));
    }

    [Fact]
    public void An_update_of_the_main_resource_keeps_the_stored_status()
    {
        var chain = Chain();
        var stored = chain.Chain.PrepareStatusUpdate(Deployments, chain.Create(Deployments, Deployment()), Json("{'status':{'replicas':1,'readyReplicas':1}}"));

        var updated = chain.Update(Deployments, stored, b => b["status"] = Json("{'replicas':9}"));

        AssertJson(Json("{'replicas':1,'readyReplicas':1}"), updated["status"]!);
    }

    [Fact]
    public void A_status_update_takes_only_the_status()
    {
        var chain = Chain();
        var stored = chain.Create(Deployments, Deployment());
        var incoming = Deployment();
        incoming["spec"]!["replicas"] = 7;
        incoming["status"] = Json("{'observedGeneration':1}");

        var updated = chain.Chain.PrepareStatusUpdate(Deployments, stored, incoming);

        Assert.Equal(1, updated["spec"]!["replicas"]!.GetValue<int>());
        AssertJson(Json("{'observedGeneration':1}"), updated["status"]!);
    }

    [Fact]
    public void Status_starts_at_the_zero_values_a_real_server_serializes()
    {
        var chain = Chain();

        var statefulSet = chain.Create(Resource("apps", "StatefulSet"), Deployment("db"));
        var replicaSet = chain.Create(Resource("apps", "ReplicaSet"), Deployment("rs"));

        AssertJson(Json("{'replicas':0,'availableReplicas':0}"), statefulSet["status"]!);
        AssertJson(Json("{'replicas':0}"), replicaSet["status"]!);
    }
}
