using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Providers.Kubernetes.Runtime;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

/// <summary>
/// A live object's fingerprint is stored in revisions and saved plans and compared across runs, so its bytes must not
/// change: SHA-256 of the normalized object with its keys sorted. The reference below is that definition written
/// the slow way (normalize a copy, sort a second copy, serialize).
/// </summary>
public sealed class LiveFingerprintTests
{
    private const string Deployment =
        """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop","uid":"u-1","resourceVersion":"9","generation":3,"creationTimestamp":"2026-01-01T00:00:00Z","managedFields":[{"manager":"decl"}],"labels":{"b":"2","a":"1"},"annotations":{"deployment.kubernetes.io/revision":"4","note":"<&'é>"}},"spec":{"replicas":2,"paused":null,"template":{"spec":{"containers":[{"name":"app","image":"nginx","args":[null,"x"],"env":[{"name":"Z","value":null}]}]}}},"status":{"replicas":2}}""";

    public static TheoryData<string> Objects() =>
    [
        Deployment,
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"}},"data":{"z":"1","a":"line\nline"}}""",
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","annotations":{}},"data":{}}""",
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","annotations":{"deployment.kubernetes.io/revision":"1","gone":null}}}""",
        """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"type":"Opaque","data":{"a":"YQ=="},"stringData":{"b":"two"}}""",
        """{"apiVersion":"v1","kind":"Service","metadata":null,"spec":{"ports":[{"port":80,"targetPort":8080.5}],"clusterIPs":["10.0.0.1"]}}""",
        """{"kind":"Weird","metadata":"not an object","status":{"x":1},"spec":[1,{"b":true,"a":false},[]]}""",
    ];

    [Theory]
    [MemberData(nameof(Objects))]
    public void The_fingerprint_is_the_sha256_of_the_normalized_object_with_sorted_keys(string json)
    {
        var live = JsonNode.Parse(json)!.AsObject();

        var before = live.DeepClone();

        var fingerprint = LiveFingerprint.Of(live);

        Assert.Equal(Reference(live), fingerprint.Hash);
        Assert.True(JsonNode.DeepEquals(before, live), "the live object is read, never changed");
    }

    [Fact]
    public void Status_and_server_metadata_do_not_change_the_fingerprint_but_the_spec_does()
    {
        var live = JsonNode.Parse(Deployment)!.AsObject();
        var controllerWrite = live.DeepClone().AsObject();
        controllerWrite["status"] = new JsonObject { ["replicas"] = 3 };
        controllerWrite["metadata"]!["resourceVersion"] = "10";
        var specChange = live.DeepClone().AsObject();
        specChange["spec"]!["replicas"] = 3;

        Assert.Equal(LiveFingerprint.Of(live).Hash, LiveFingerprint.Of(controllerWrite).Hash);
        Assert.NotEqual(LiveFingerprint.Of(live).Hash, LiveFingerprint.Of(specChange).Hash);
        Assert.Equal(3L, LiveFingerprint.Of(live).Generation);
        Assert.Equal("u-1", LiveFingerprint.Of(live).Uid);
    }

    private static string Reference(JsonObject live) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sorted(ObjectNormalizer.Normalize(live))!.ToJsonString())));

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
