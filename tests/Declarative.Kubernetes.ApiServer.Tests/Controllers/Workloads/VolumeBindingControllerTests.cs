namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Workloads;

public sealed class VolumeBindingControllerTests
{
    private const string Claims = "/api/v1/namespaces/default/persistentvolumeclaims";

    private static string Claim(string name, string size, string? className = null) => """
        {"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"NAME"},
         "spec":{CLASS"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"SIZE"}}}}
        """.Replace("NAME", name, StringComparison.Ordinal).Replace("SIZE", size, StringComparison.Ordinal)
        .Replace("CLASS", className is null ? string.Empty : $"\"storageClassName\":\"{className}\",", StringComparison.Ordinal);

    private static bool Bound(System.Text.Json.Nodes.JsonObject obj) => WorkloadCluster.Text(obj["status"], "phase") == "Bound";

    [Fact]
    public async Task Claim_binds_at_once_to_a_volume_of_the_default_immediate_class()
    {
        await using var cluster = await WorkloadCluster.StartAsync();
        var created = await cluster.CreateAsync(Claims, Claim("data", "2Gi"));

        var claim = await cluster.WaitForAsync($"{Claims}/data", Bound);
        var volumeName = $"pvc-{WorkloadCluster.Text(created["metadata"], "uid")}";
        var volume = await cluster.WaitForAsync($"/api/v1/persistentvolumes/{volumeName}", Bound);
        var storageClass = await cluster.GetAsync("/apis/storage.k8s.io/v1/storageclasses/standard");

        Assert.Equal(volumeName, WorkloadCluster.Text(claim["spec"], "volumeName"));
        Assert.Equal("""{"storage":"2Gi"}""", claim["status"]!["capacity"]!.ToJsonString());
        Assert.Equal("""["ReadWriteOnce"]""", claim["status"]!["accessModes"]!.ToJsonString());
        var annotations = claim["metadata"]!["annotations"]!;
        Assert.Equal("yes", WorkloadCluster.Text(annotations, "pv.kubernetes.io/bind-completed"));
        Assert.Equal("yes", WorkloadCluster.Text(annotations, "pv.kubernetes.io/bound-by-controller"));
        Assert.Equal("rancher.io/local-path", WorkloadCluster.Text(annotations, "volume.kubernetes.io/storage-provisioner"));
        Assert.Equal("data", WorkloadCluster.Text(volume["spec"]!["claimRef"], "name"));
        Assert.Equal("standard", WorkloadCluster.Text(volume["spec"], "storageClassName"));
        Assert.Equal("Delete", WorkloadCluster.Text(volume["spec"], "persistentVolumeReclaimPolicy"));
        Assert.Equal("true", WorkloadCluster.Text(storageClass!["metadata"]!["annotations"], "storageclass.kubernetes.io/is-default-class"));
        Assert.Equal("Immediate", WorkloadCluster.Text(storageClass, "volumeBindingMode"));
    }

    [Fact]
    public async Task Claim_of_a_wait_for_first_consumer_class_stays_pending()
    {
        await using var cluster = await WorkloadCluster.StartAsync();
        await cluster.CreateAsync("/apis/storage.k8s.io/v1/storageclasses",
            """{"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"name":"late"},"provisioner":"rancher.io/local-path","volumeBindingMode":"WaitForFirstConsumer"}""");
        await cluster.CreateAsync(Claims, Claim("waiting", "1Gi", "late"));
        await cluster.CreateAsync(Claims, Claim("control", "1Gi"));

        await cluster.WaitForAsync($"{Claims}/control", Bound);
        var waiting = await cluster.GetAsync($"{Claims}/waiting");

        Assert.Equal("Pending", WorkloadCluster.Text(waiting!["status"], "phase"));
        Assert.Null(waiting["spec"]!["volumeName"]);
    }

    [Fact]
    public async Task Claim_binds_to_a_matching_volume_that_already_exists()
    {
        await using var cluster = await WorkloadCluster.StartAsync();
        await cluster.CreateAsync("/api/v1/persistentvolumes",
            """{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"small"},"spec":{"storageClassName":"manual","capacity":{"storage":"1Gi"},"accessModes":["ReadWriteOnce"],"hostPath":{"path":"/a"}}}""");
        await cluster.CreateAsync("/api/v1/persistentvolumes",
            """{"apiVersion":"v1","kind":"PersistentVolume","metadata":{"name":"big"},"spec":{"storageClassName":"manual","capacity":{"storage":"5Gi"},"accessModes":["ReadWriteOnce"],"hostPath":{"path":"/b"}}}""");
        await cluster.WaitForAsync("/api/v1/persistentvolumes/big", v => WorkloadCluster.Text(v["status"], "phase") == "Available");

        await cluster.CreateAsync(Claims, Claim("logs", "2Gi", "manual"));
        var claim = await cluster.WaitForAsync($"{Claims}/logs", Bound);
        var small = await cluster.GetAsync("/api/v1/persistentvolumes/small");

        Assert.Equal("big", WorkloadCluster.Text(claim["spec"], "volumeName"));
        Assert.Equal("""{"storage":"5Gi"}""", claim["status"]!["capacity"]!.ToJsonString());
        Assert.Equal("Available", WorkloadCluster.Text(small!["status"], "phase"));
    }
}
