using static Declarative.Kubernetes.ApiServer.Tests.Admission.Fixtures;

namespace Declarative.Kubernetes.ApiServer.Tests.Admission;

public sealed class WorkloadDefaultingTests
{
    private const string Template = "'template':{'metadata':{'labels':{'app':'db'}},'spec':{'containers':[{'name':'c','image':'postgres:16'}]}}";

    [Fact]
    public void StatefulSet_gets_its_policies_and_claim_templates_read_as_claims()
    {
        var body = Json("{'metadata':{'name':'db'},'spec':{'serviceName':'db','selector':{'matchLabels':{'app':'db'}}," + Template
            + ",'volumeClaimTemplates':[{'metadata':{'name':'data'},'spec':{'accessModes':['ReadWriteOnce'],'resources':{'requests':{'storage':'1Gi'}}}}]}}");

        var spec = Chain().Create(Resource("apps", "StatefulSet"), body)["spec"]!;

        Assert.Equal("OrderedReady", spec["podManagementPolicy"]!.GetValue<string>());
        AssertJson(Json("{'type':'RollingUpdate','rollingUpdate':{'partition':0}}"), spec["updateStrategy"]!);
        AssertJson(Json("{'whenDeleted':'Retain','whenScaled':'Retain'}"), spec["persistentVolumeClaimRetentionPolicy"]!);
        Assert.Equal(1, spec["replicas"]!.GetValue<int>());
        Assert.Equal(10, spec["revisionHistoryLimit"]!.GetValue<int>());
        var claim = spec["volumeClaimTemplates"]![0]!;
        Assert.Equal("PersistentVolumeClaim", claim["kind"]!.GetValue<string>());
        Assert.Equal("Filesystem", claim["spec"]!["volumeMode"]!.GetValue<string>());
        AssertJson(Json("{'phase':'Pending'}"), claim["status"]!);
    }

    [Fact]
    public void DaemonSet_rolls_one_pod_at_a_time_by_default()
    {
        var body = Json("{'metadata':{'name':'agent'},'spec':{'selector':{'matchLabels':{'app':'db'}}," + Template + "}}");

        var spec = Chain().Create(Resource("apps", "DaemonSet"), body)["spec"]!;

        AssertJson(Json("{'type':'RollingUpdate','rollingUpdate':{'maxUnavailable':1,'maxSurge':0}}"), spec["updateStrategy"]!);
        Assert.Equal(10, spec["revisionHistoryLimit"]!.GetValue<int>());
    }

    [Fact]
    public void Job_gets_a_selector_on_its_uid_and_the_template_labels_that_match_it()
    {
        var body = Json("{'metadata':{'name':'migrate','uid':'1234-uid'},'spec':{'template':{'spec':{'restartPolicy':'Never','containers':[{'name':'c','image':'migrate:1'}]}}}}");

        var job = Chain().Create(Resource("batch", "Job"), body);

        var spec = job["spec"]!;
        AssertJson(Json("{'matchLabels':{'batch.kubernetes.io/controller-uid':'1234-uid'}}"), spec["selector"]!);
        AssertJson(
            Json("{'batch.kubernetes.io/controller-uid':'1234-uid','batch.kubernetes.io/job-name':'migrate','controller-uid':'1234-uid','job-name':'migrate'}"),
            spec["template"]!["metadata"]!["labels"]!);
        Assert.Equal("migrate", job["metadata"]!["labels"]!["batch.kubernetes.io/job-name"]!.GetValue<string>());
        Assert.Equal(1, spec["completions"]!.GetValue<int>());
        Assert.Equal(1, spec["parallelism"]!.GetValue<int>());
        Assert.Equal(6, spec["backoffLimit"]!.GetValue<int>());
        Assert.Equal("NonIndexed", spec["completionMode"]!.GetValue<string>());
        Assert.False(spec["suspend"]!.GetValue<bool>());
        Assert.Equal("TerminatingOrFailed", spec["podReplacementPolicy"]!.GetValue<string>());
    }

    [Fact]
    public void Job_labels_copied_from_its_template_include_the_generated_ones()
    {
        var body = Json("{'metadata':{'name':'migrate','uid':'u1'},'spec':{'template':{'metadata':{'labels':{'app':'m'}},'spec':{'restartPolicy':'Never','containers':[{'name':'c','image':'m:1'}]}}}}");

        var labels = Chain().Create(Resource("batch", "Job"), body)["metadata"]!["labels"]!;

        Assert.Equal("m", labels["app"]!.GetValue<string>());
        Assert.Equal("migrate", labels["job-name"]!.GetValue<string>());
    }

    [Fact]
    public void Job_with_a_manual_selector_keeps_it_and_gets_no_generated_labels()
    {
        var body = Json("{'metadata':{'name':'m','uid':'u'},'spec':{'manualSelector':true,'selector':{'matchLabels':{'app':'m'}},'template':{'metadata':{'labels':{'app':'m'}},'spec':{'restartPolicy':'Never','containers':[{'name':'c','image':'m:1'}]}}}}");

        var spec = Chain().Create(Resource("batch", "Job"), body)["spec"]!;

        AssertJson(Json("{'matchLabels':{'app':'m'}}"), spec["selector"]!);
        AssertJson(Json("{'app':'m'}"), spec["template"]!["metadata"]!["labels"]!);
    }

    [Fact]
    public void Job_with_only_parallelism_does_not_get_completions()
    {
        var body = Json("{'metadata':{'name':'m','uid':'u'},'spec':{'parallelism':3,'template':{'spec':{'restartPolicy':'Never','containers':[{'name':'c','image':'m:1'}]}}}}");

        var spec = Chain().Create(Resource("batch", "Job"), body)["spec"]!;

        Assert.Null(spec["completions"]);
        Assert.Equal(3, spec["parallelism"]!.GetValue<int>());
    }

    [Fact]
    public void CronJob_gets_its_policies_and_a_defaulted_pod_template()
    {
        var body = Json("{'metadata':{'name':'nightly'},'spec':{'schedule':'0 3 * * *','jobTemplate':{'spec':{'template':{'spec':{'restartPolicy':'OnFailure','containers':[{'name':'c','image':'backup'}]}}}}}}");

        var spec = Chain().Create(Resource("batch", "CronJob"), body)["spec"]!;

        Assert.Equal("Allow", spec["concurrencyPolicy"]!.GetValue<string>());
        Assert.False(spec["suspend"]!.GetValue<bool>());
        Assert.Equal(3, spec["successfulJobsHistoryLimit"]!.GetValue<int>());
        Assert.Equal(1, spec["failedJobsHistoryLimit"]!.GetValue<int>());
        Assert.Equal("ClusterFirst", spec["jobTemplate"]!["spec"]!["template"]!["spec"]!["dnsPolicy"]!.GetValue<string>());
    }

    [Fact]
    public void Pod_gets_service_links_tolerations_a_service_account_and_a_pending_status()
    {
        var body = Json("{'metadata':{'name':'p'},'spec':{'containers':[{'name':'c','image':'nginx:1','resources':{'limits':{'cpu':'1','memory':'1Gi'}}}]}}");

        var pod = Chain().Create(Resource("", "Pod"), body);

        var spec = pod["spec"]!;
        Assert.True(spec["enableServiceLinks"]!.GetValue<bool>());
        Assert.Equal("default", spec["serviceAccountName"]!.GetValue<string>());
        Assert.Equal(2, spec["tolerations"]!.AsArray().Count);
        AssertJson(Json("{'cpu':'1','memory':'1Gi'}"), spec["containers"]![0]!["resources"]!["requests"]!);
        AssertJson(Json("{'phase':'Pending','qosClass':'Guaranteed'}"), pod["status"]!);
    }
}
