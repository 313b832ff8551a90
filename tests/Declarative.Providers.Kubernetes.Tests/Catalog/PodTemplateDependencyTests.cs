using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Catalog;

namespace Declarative.Providers.Kubernetes.Tests.Catalog;

public sealed class PodTemplateDependencyTests
{
    private const string Deployment = """
        {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"},
         "spec": {"template": {"spec": {
           "serviceAccountName": "web",
           "imagePullSecrets": [{"name": "regcred"}],
           "initContainers": [{"name": "migrate", "envFrom": [{"secretRef": {"name": "db"}}]}],
           "containers": [{"name": "web",
             "env": [{"name": "LOG_LEVEL", "valueFrom": {"configMapKeyRef": {"name": "settings", "key": "level"}}},
                     {"name": "DB_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db-credentials", "key": "password"}}},
                     {"name": "PLAIN", "value": "x"}],
             "envFrom": [{"configMapRef": {"name": "features"}}]}],
           "volumes": [{"name": "config", "configMap": {"name": "web-config"}},
                       {"name": "tls", "secret": {"secretName": "web-tls"}},
                       {"name": "data", "persistentVolumeClaim": {"claimName": "web-data"}},
                       {"name": "bundle", "projected": {"sources": [{"configMap": {"name": "ca"}}, {"secret": {"name": "token"}}]}},
                       {"name": "scratch", "emptyDir": {}}]}}}}
        """;

    private readonly KubernetesKindCatalog _catalog = new();

    [Fact]
    public void A_deployment_depends_on_everything_its_pod_template_names()
    {
        var edges = Edges(TestResources.From(Deployment));

        Assert.Equal(
            [
                ("Namespace/shop", "metadata.namespace is shop", "/metadata/namespace"),
                ("ConfigMap/shop/web-config", "spec.template.spec.volumes[name=config].configMap.name names ConfigMap web-config", "/spec/template/spec/volumes/0/configMap/name"),
                ("Secret/shop/web-tls", "spec.template.spec.volumes[name=tls].secret.secretName names Secret web-tls", "/spec/template/spec/volumes/1/secret/secretName"),
                ("PersistentVolumeClaim/shop/web-data", "spec.template.spec.volumes[name=data].persistentVolumeClaim.claimName names PersistentVolumeClaim web-data", "/spec/template/spec/volumes/2/persistentVolumeClaim/claimName"),
                ("ConfigMap/shop/ca", "spec.template.spec.volumes[name=bundle].projected.sources[0].configMap.name names ConfigMap ca", "/spec/template/spec/volumes/3/projected/sources/0/configMap/name"),
                ("Secret/shop/token", "spec.template.spec.volumes[name=bundle].projected.sources[1].secret.name names Secret token", "/spec/template/spec/volumes/3/projected/sources/1/secret/name"),
                ("Secret/shop/db", "spec.template.spec.initContainers[name=migrate].envFrom[0].secretRef.name names Secret db", "/spec/template/spec/initContainers/0/envFrom/0/secretRef/name"),
                ("ConfigMap/shop/settings", "spec.template.spec.containers[name=web].env[name=LOG_LEVEL].valueFrom.configMapKeyRef.name names ConfigMap settings", "/spec/template/spec/containers/0/env/0/valueFrom/configMapKeyRef/name"),
                ("Secret/shop/db-credentials", "spec.template.spec.containers[name=web].env[name=DB_PASSWORD].valueFrom.secretKeyRef.name names Secret db-credentials", "/spec/template/spec/containers/0/env/1/valueFrom/secretKeyRef/name"),
                ("ConfigMap/shop/features", "spec.template.spec.containers[name=web].envFrom[0].configMapRef.name names ConfigMap features", "/spec/template/spec/containers/0/envFrom/0/configMapRef/name"),
                ("Secret/shop/regcred", "spec.template.spec.imagePullSecrets[name=regcred].name names Secret regcred", "/spec/template/spec/imagePullSecrets/0/name"),
                ("ServiceAccount/shop/web", "spec.template.spec.serviceAccountName names ServiceAccount web", "/spec/template/spec/serviceAccountName"),
            ],
            edges);
    }

    [Fact]
    public void Every_pod_template_edge_is_implicit_and_targets_the_core_group()
    {
        var requests = _catalog.GetDependencies(TestResources.From(Deployment), TestResources.Context()).ToList();

        Assert.All(requests, r => Assert.Equal(DependencyKind.Implicit, r.Kind));
        Assert.All(requests, r => Assert.Equal(string.Empty, r.Target.Group));
    }

    [Fact]
    public void Keeps_one_edge_per_target_with_the_first_reason()
    {
        var resource = TestResources.From("""
            {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
             "spec": {"containers": [{"name": "web", "envFrom": [{"configMapRef": {"name": "settings"}}]}],
                      "volumes": [{"name": "a", "configMap": {"name": "settings"}}, {"name": "b", "configMap": {"name": "settings"}}]}}
            """);

        var edges = Edges(resource);

        Assert.Equal(
            [
                ("Namespace/default", "metadata.namespace is default", "/metadata/namespace"),
                ("ConfigMap/default/settings", "spec.volumes[name=a].configMap.name names ConfigMap settings", "/spec/volumes/0/configMap/name"),
            ],
            edges);
    }

    [Fact]
    public void A_cron_job_depends_on_what_its_job_template_names()
    {
        var resource = TestResources.From("""
            {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "report", "namespace": "ops"},
             "spec": {"schedule": "@daily", "jobTemplate": {"spec": {"template": {"spec": {"serviceAccountName": "reporter", "containers": [{"name": "r"}]}}}}}}
            """);

        var edge = Assert.Single(Edges(resource), e => e.Target.StartsWith("ServiceAccount", StringComparison.Ordinal));

        Assert.Equal(
            ("ServiceAccount/ops/reporter", "spec.jobTemplate.spec.template.spec.serviceAccountName names ServiceAccount reporter", "/spec/jobTemplate/spec/template/spec/serviceAccountName"),
            edge);
    }

    [Fact]
    public void A_stateful_sets_volume_claim_templates_imply_no_edge()
    {
        var resource = TestResources.From("""
            {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "db"},
             "spec": {"template": {"spec": {"containers": [{"name": "db", "volumeMounts": [{"name": "data", "mountPath": "/data"}]}]}},
                      "volumeClaimTemplates": [{"metadata": {"name": "data"}, "spec": {"accessModes": ["ReadWriteOnce"]}}]}}
            """);

        Assert.Equal([("Namespace/default", "metadata.namespace is default", "/metadata/namespace")], Edges(resource));
    }

    [Theory]
    [InlineData("v1", "PodTemplate", "/template/spec")]
    [InlineData("v1", "ReplicationController", "/spec/template/spec")]
    [InlineData("apps/v1", "DaemonSet", "/spec/template/spec")]
    [InlineData("apps/v1", "ReplicaSet", "/spec/template/spec")]
    [InlineData("batch/v1", "Job", "/spec/template/spec")]
    public void Finds_the_pod_spec_of_every_workload_kind(string apiVersion, string kind, string specPointer)
    {
        var spec = """{"serviceAccountName": "runner"}""";
        var body = specPointer == "/template/spec" ? "\"template\": {\"spec\": SPEC}" : "\"spec\": {\"template\": {\"spec\": SPEC}}";
        var resource = TestResources.From($$"""{"apiVersion": "{{apiVersion}}", "kind": "{{kind}}", "metadata": {"name": "x"}, {{body.Replace("SPEC", spec, StringComparison.Ordinal)}}}""");

        var edge = Assert.Single(Edges(resource), e => e.Target == "ServiceAccount/default/runner");

        Assert.Equal($"{specPointer}/serviceAccountName", edge.Pointer);
    }

    [Fact]
    public void Ignores_pod_like_fields_in_kinds_without_a_pod_template()
    {
        var resource = TestResources.From("""
            {"apiVersion": "example.com/v1", "kind": "Runner", "metadata": {"name": "x", "namespace": "ci"},
             "spec": {"template": {"spec": {"serviceAccountName": "runner"}}}}
            """);

        Assert.Equal([("Namespace/ci", "metadata.namespace is ci", "/metadata/namespace")], Edges(resource));
    }

    private List<(string Target, string Reason, string Pointer)> Edges(Resource resource) =>
        [.. _catalog.GetDependencies(resource, TestResources.Context()).Select(r => (r.Target.ToString(), r.Reason, r.SourcePointer))];
}
