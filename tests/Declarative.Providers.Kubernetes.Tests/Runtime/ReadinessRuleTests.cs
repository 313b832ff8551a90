using System.Text.Json.Nodes;
using Declarative.Providers.Kubernetes.Readiness;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

public sealed class ReadinessRuleTests
{
    [Theory]
    [InlineData("""{"metadata":{"generation":2},"spec":{"replicas":3},"status":{"observedGeneration":1,"replicas":3,"updatedReplicas":3,"availableReplicas":3}}""", ReadinessPhase.Waiting, "Deployment web: waiting for the controller to observe generation 2")]
    [InlineData("""{"metadata":{"generation":2},"spec":{"replicas":3},"status":{"observedGeneration":2,"replicas":3,"updatedReplicas":1,"availableReplicas":1}}""", ReadinessPhase.Waiting, "Deployment web: 1 of 3 new replicas updated")]
    [InlineData("""{"metadata":{"generation":2},"spec":{"replicas":3},"status":{"observedGeneration":2,"replicas":4,"updatedReplicas":3,"availableReplicas":3}}""", ReadinessPhase.Waiting, "Deployment web: 1 old replicas pending termination")]
    [InlineData("""{"metadata":{"generation":2},"spec":{"replicas":3},"status":{"observedGeneration":2,"replicas":3,"updatedReplicas":3,"availableReplicas":2}}""", ReadinessPhase.Waiting, "Deployment web: 2 of 3 updated replicas available")]
    [InlineData("""{"metadata":{"generation":2},"spec":{"replicas":3},"status":{"observedGeneration":2,"replicas":3,"updatedReplicas":3,"availableReplicas":3}}""", ReadinessPhase.Ready, "Deployment web: rolled out, 3 of 3 replicas available")]
    [InlineData("""{"metadata":{"generation":2},"spec":{"replicas":3},"status":{"observedGeneration":2,"replicas":3,"updatedReplicas":1,"conditions":[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded","message":"ReplicaSet \"web-5d9c\" has timed out progressing."}]}}""", ReadinessPhase.Failed, "Deployment web exceeded its progress deadline: ReplicaSet \"web-5d9c\" has timed out progressing.")]
    public void Deployments_follow_kubectl_rollout_status(string json, ReadinessPhase phase, string message) =>
        AssertState("apps/v1", "Deployment", json, phase, message);

    [Theory]
    [InlineData("""{"metadata":{"generation":1},"spec":{"replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}}},"status":{"observedGeneration":0}}""", ReadinessPhase.Waiting, "StatefulSet db: waiting for the controller to observe generation 1")]
    [InlineData("""{"metadata":{"generation":1},"spec":{"replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":0}}},"status":{"observedGeneration":1,"readyReplicas":2}}""", ReadinessPhase.Waiting, "StatefulSet db: 2 of 3 pods ready")]
    [InlineData("""{"metadata":{"generation":1},"spec":{"replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":1}}},"status":{"observedGeneration":1,"readyReplicas":3,"updatedReplicas":1}}""", ReadinessPhase.Waiting, "StatefulSet db: 1 of 2 pods updated (partition 1)")]
    [InlineData("""{"metadata":{"generation":1},"spec":{"replicas":3,"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":1}}},"status":{"observedGeneration":1,"readyReplicas":3,"updatedReplicas":2}}""", ReadinessPhase.Ready, "StatefulSet db: rolled out, 2 pods updated")]
    [InlineData("""{"metadata":{"generation":1},"spec":{"replicas":3,"updateStrategy":{"type":"RollingUpdate"}},"status":{"observedGeneration":1,"readyReplicas":3,"updateRevision":"db-2","currentRevision":"db-1"}}""", ReadinessPhase.Waiting, "StatefulSet db: waiting for revision db-2 to replace db-1")]
    [InlineData("""{"metadata":{"generation":3},"spec":{"replicas":3,"updateStrategy":{"type":"OnDelete"}},"status":{"observedGeneration":3,"readyReplicas":0}}""", ReadinessPhase.Ready, "StatefulSet db: generation 3 observed (OnDelete strategy: pods are replaced when deleted)")]
    [InlineData("""{"metadata":{"generation":3},"spec":{"replicas":3,"updateStrategy":{"type":"OnDelete"}},"status":{"observedGeneration":2}}""", ReadinessPhase.Waiting, "StatefulSet db: waiting for the controller to observe generation 3")]
    public void StatefulSets_follow_kubectl_rollout_status(string json, ReadinessPhase phase, string message) =>
        AssertState("apps/v1", "StatefulSet", json, phase, message, "db");

    [Theory]
    [InlineData("""{"metadata":{"generation":1},"spec":{},"status":{"observedGeneration":1,"desiredNumberScheduled":3,"updatedNumberScheduled":2,"numberAvailable":2}}""", ReadinessPhase.Waiting, "DaemonSet agent: 2 of 3 pods updated")]
    [InlineData("""{"metadata":{"generation":1},"spec":{},"status":{"observedGeneration":1,"desiredNumberScheduled":3,"updatedNumberScheduled":3,"numberAvailable":1}}""", ReadinessPhase.Waiting, "DaemonSet agent: 1 of 3 updated pods available")]
    [InlineData("""{"metadata":{"generation":1},"spec":{},"status":{"observedGeneration":1,"desiredNumberScheduled":3,"updatedNumberScheduled":3,"numberAvailable":3}}""", ReadinessPhase.Ready, "DaemonSet agent: rolled out, 3 of 3 pods available")]
    [InlineData("""{"metadata":{"generation":2},"spec":{"updateStrategy":{"type":"OnDelete"}},"status":{"observedGeneration":2,"desiredNumberScheduled":3}}""", ReadinessPhase.Ready, "DaemonSet agent: generation 2 observed (OnDelete strategy: pods are replaced when deleted)")]
    public void DaemonSets_follow_kubectl_rollout_status(string json, ReadinessPhase phase, string message) =>
        AssertState("apps/v1", "DaemonSet", json, phase, message, "agent");

    [Theory]
    [InlineData("""{"status":{"active":1}}""", ReadinessPhase.Waiting, "Job migrate: waiting for completion (1 active, 0 succeeded, 0 failed)")]
    [InlineData("""{"status":{"succeeded":1,"conditions":[{"type":"Complete","status":"True"}]}}""", ReadinessPhase.Ready, "Job migrate: complete, 1 succeeded")]
    [InlineData("""{"status":{"failed":7,"conditions":[{"type":"Failed","status":"True","reason":"BackoffLimitExceeded","message":"Job has reached the specified backoff limit"}]}}""", ReadinessPhase.Failed, "Job migrate failed: Job has reached the specified backoff limit")]
    public void Jobs_are_ready_when_complete_and_fail_with_the_condition_message(string json, ReadinessPhase phase, string message) =>
        AssertState("batch/v1", "Job", json, phase, message, "migrate");

    [Theory]
    [InlineData("""{"spec":{"type":"ClusterIP","clusterIP":"10.0.0.1"}}""", ReadinessPhase.Ready, "Service web: exists")]
    [InlineData("""{"spec":{"type":"LoadBalancer"},"status":{"loadBalancer":{}}}""", ReadinessPhase.Waiting, "Service web: waiting for a load balancer address")]
    [InlineData("""{"spec":{"type":"LoadBalancer"},"status":{"loadBalancer":{"ingress":[{"ip":"1.2.3.4"}]}}}""", ReadinessPhase.Ready, "Service web: load balancer address assigned")]
    public void Services_of_type_LoadBalancer_wait_for_an_address(string json, ReadinessPhase phase, string message) =>
        AssertState("v1", "Service", json, phase, message);

    [Theory]
    [InlineData("""{"status":{"conditions":[{"type":"NamesAccepted","status":"True"},{"type":"Established","status":"False"}]}}""", ReadinessPhase.Waiting, "CustomResourceDefinition web: waiting to be Established")]
    [InlineData("""{"status":{"conditions":[{"type":"NamesAccepted","status":"True"},{"type":"Established","status":"True"}]}}""", ReadinessPhase.Ready, "CustomResourceDefinition web: established")]
    [InlineData("""{"status":{"conditions":[{"type":"NamesAccepted","status":"False","reason":"MultipleNameConflicts","message":"\"widgets\" is already in use"}]}}""", ReadinessPhase.Failed, "CustomResourceDefinition web: names not accepted: \"widgets\" is already in use")]
    public void Crds_wait_until_established(string json, ReadinessPhase phase, string message) =>
        AssertState("apiextensions.k8s.io/v1", "CustomResourceDefinition", json, phase, message);

    [Fact]
    public void A_pending_claim_is_ready_and_says_bound_is_not_awaited() =>
        AssertState("v1", "PersistentVolumeClaim", """{"status":{"phase":"Pending"}}""", ReadinessPhase.Ready, "PersistentVolumeClaim web: exists, Pending (Bound is not awaited)");

    [Fact]
    public void Any_other_kind_is_ready_once_it_exists() =>
        AssertState("v1", "ConfigMap", "{}", ReadinessPhase.Ready, "ConfigMap web: exists");

    [Fact]
    public void The_wait_annotation_overrides_the_kind_rule()
    {
        var job = Build("batch/v1", "Job", """{"status":{"active":1}}""", "migrate");

        Assert.Equal(ReadinessPhase.Ready, ReadinessRules.Evaluate(job, WaitMode.Exists, "Job migrate").Phase);
        Assert.Equal(ReadinessPhase.Waiting, ReadinessRules.Evaluate(null, WaitMode.Exists, "Job migrate").Phase);
        Assert.Equal(ReadinessPhase.Ready, ReadinessRules.Evaluate(null, WaitMode.None, "Job migrate").Phase);
    }

    [Fact]
    public void The_wait_annotation_is_read_from_metadata()
    {
        var obj = Build("batch/v1", "Job", """{"metadata":{"annotations":{"declarative.dev/wait":"none"}}}""", "migrate");

        Assert.Equal(WaitMode.None, WaitModes.Of(obj));
    }

    private static void AssertState(string apiVersion, string kind, string json, ReadinessPhase phase, string message, string name = "web")
    {
        var state = ReadinessRules.Evaluate(Build(apiVersion, kind, json, name), WaitMode.Ready, $"{kind} {name}");

        Assert.Equal((phase, message), (state.Phase, state.Message));
    }

    private static JsonObject Build(string apiVersion, string kind, string json, string name)
    {
        var obj = (JsonObject)JsonNode.Parse(json)!;
        obj["apiVersion"] = apiVersion;
        obj["kind"] = kind;
        var metadata = obj["metadata"] as JsonObject ?? [];
        metadata["name"] = name;
        obj["metadata"] = metadata;
        return obj;
    }
}
