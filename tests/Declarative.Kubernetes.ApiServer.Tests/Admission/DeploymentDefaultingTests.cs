using static Declarative.Kubernetes.ApiServer.Tests.Admission.Fixtures;

namespace Declarative.Kubernetes.ApiServer.Tests.Admission;

public sealed class DeploymentDefaultingTests
{
    [Fact]
    public void A_minimal_Deployment_reads_back_as_a_real_server_stores_it()
    {
        var created = Chain().Create(Deployments, Deployment());

        var expected = Json("""
            {'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'default'},
             'spec':{'selector':{'matchLabels':{'app':'web'}},
               'template':{'metadata':{'labels':{'app':'web'}},
                 'spec':{'containers':[{'name':'web','image':'nginx:1.27','terminationMessagePath':'/dev/termination-log',
                                        'terminationMessagePolicy':'File','imagePullPolicy':'IfNotPresent','resources':{}}],
                         'dnsPolicy':'ClusterFirst','restartPolicy':'Always','securityContext':{},
                         'terminationGracePeriodSeconds':30,'schedulerName':'default-scheduler'}},
               'replicas':1,'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxUnavailable':'25%','maxSurge':'25%'}},
               'revisionHistoryLimit':10,'progressDeadlineSeconds':600},
             'status':{}}
            """);
        AssertJson(expected, created);
    }

    [Fact]
    public void Values_the_manifest_sets_are_never_overwritten()
    {
        var body = Deployment();
        body["spec"]!["replicas"] = 3;
        body["spec"]!["strategy"] = Json("{'type':'Recreate'}");

        var created = Chain().Create(Deployments, body);

        Assert.Equal(3, created["spec"]!["replicas"]!.GetValue<int>());
        AssertJson(Json("{'type':'Recreate'}"), created["spec"]!["strategy"]!);
    }

    [Fact]
    public void The_request_body_is_left_untouched()
    {
        var body = Deployment();
        var before = body.DeepClone();

        Chain().Create(Deployments, body);

        AssertJson(before, body);
    }

    [Fact]
    public void Status_sent_on_create_is_dropped()
    {
        var body = Deployment();
        body["status"] = Json("{'replicas':5,'readyReplicas':5}");

        var created = Chain().Create(Deployments, body);

        AssertJson(Json("{}"), created["status"]!);
    }
}
