using Declarative.Kubernetes.ApiServer.Tests.Kubectl;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Workloads;

/// <summary>The real kubectl waits on the simulated controllers as it would on a cluster.</summary>
public sealed class KubectlWorkloadTests
{
    private const string Manifests = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: pi
        spec:
          backoffLimit: 4
          template:
            spec:
              restartPolicy: Never
              containers:
                - name: pi
                  image: perl:5.34.0
                  command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
        spec:
          serviceName: nginx
          replicas: 3
          selector:
            matchLabels:
              app: nginx
          template:
            metadata:
              labels:
                app: nginx
            spec:
              containers:
                - name: nginx
                  image: registry.k8s.io/nginx-slim:0.24
                  ports:
                    - name: web
                      containerPort: 80
          volumeClaimTemplates:
            - metadata:
                name: www
              spec:
                accessModes: ["ReadWriteOnce"]
                resources:
                  requests:
                    storage: 1Gi
        ---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: fluentd-elasticsearch
        spec:
          selector:
            matchLabels:
              name: fluentd-elasticsearch
          template:
            metadata:
              labels:
                name: fluentd-elasticsearch
            spec:
              containers:
                - name: fluentd-elasticsearch
                  image: quay.io/fluentd_elasticsearch/fluentd:v5.0.1
        """;

    [KubectlFact]
    public async Task Kubectl_waits_for_a_job_and_rollouts_of_a_stateful_set_and_a_daemon_set()
    {
        await using var cluster = await WorkloadCluster.StartAsync(timeScale: 0.05);
        using var kubectl = new KubectlRunner(cluster.Host);
        var file = Path.Combine(kubectl.Directory, "workloads.yaml");
        await File.WriteAllTextAsync(file, Manifests);

        await kubectl.MustAsync("apply", "--server-side", "-n", "default", "-f", file);
        var job = await kubectl.MustAsync("wait", "--for=condition=complete", "job/pi", "-n", "default", "--timeout=60s");
        var statefulSet = await kubectl.MustAsync("rollout", "status", "statefulset/web", "-n", "default", "--timeout=60s");
        var daemonSet = await kubectl.MustAsync("rollout", "status", "daemonset/fluentd-elasticsearch", "-n", "default", "--timeout=60s");
        var claims = await kubectl.MustAsync("get", "pvc", "-n", "default", "-o", "jsonpath={range .items[*]}{.metadata.name}={.status.phase} {end}");

        Assert.Contains("job.batch/pi condition met", job, StringComparison.Ordinal);
        Assert.Contains("partitioned roll out complete: 3 new pods have been updated", statefulSet, StringComparison.Ordinal);
        Assert.Contains("daemon set \"fluentd-elasticsearch\" successfully rolled out", daemonSet, StringComparison.Ordinal);
        Assert.Equal("www-web-0=Bound www-web-1=Bound www-web-2=Bound", claims.Trim());
    }
}
