using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Providers.Docker.Runtime.Containers;
using Declarative.Providers.Docker.Runtime.Shared;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Tests.Runtime;

/// <summary>The compared form of a container: a document and the inspect of the container it made must compare
/// equal, whatever spelling the document used and whatever the image added.</summary>
public sealed class ContainerFormTests
{
    [Fact]
    public void A_document_and_the_inspect_of_its_container_compare_equal()
    {
        var document = JsonNode.Parse("""
            {"apiVersion":"docker.declarative.dev/v1","kind":"Container",
             "metadata":{"name":"web","labels":{"app.kubernetes.io/managed-by":"declarative","declarative.dev/project":"p","declarative.dev/environment":"e"}},
             "spec":{"image":"busybox-test:1","command":"httpd -f -p '8080'","env":{"DEBUG":true,"PORT":8080},
                     "ports":["8080:8080","127.0.0.1:9090:90/udp"],"volumes":["./www:/www:ro","data:/data"],
                     "restart":"on-failure:3","networks":["b","a"],"labels":{"tier":"web"},"user":"1000","workdir":"/srv",
                     "healthcheck":{"test":"wget -q localhost:8080","interval":"90s","retries":3},"stopTimeout":5}}
            """)!.AsObject();
        var inspect = new ContainerInspectResponse
        {
            ID = "abc",
            Name = "/web",
            Image = "sha256:1111",
            State = new State { Status = "running", Running = true },
            Config = new ContainerConfig
            {
                Image = "busybox-test:1",
                Cmd = ["httpd", "-f", "-p", "8080"],
                Env = ["PATH=/bin", "DEBUG=true", "PORT=8080"],
                Labels = new Dictionary<string, string>
                {
                    ["tier"] = "web",
                    ["org.opencontainers.image.title"] = "from the image",
                    ["app.kubernetes.io/managed-by"] = "declarative",
                    ["declarative.dev/project"] = "p",
                    ["declarative.dev/environment"] = "e",
                    ["declarative.dev/spec-hash"] = "0123",
                },
                User = "1000",
                WorkingDir = "/srv",
                Healthcheck = new HealthcheckConfig { Test = ["CMD-SHELL", "wget -q localhost:8080"], Interval = TimeSpan.FromSeconds(90), Retries = 3 },
                StopTimeout = TimeSpan.FromSeconds(5),
            },
            HostConfig = new HostConfig
            {
                Binds = ["/project/manifests/www:/www:ro", "data:/data"],
                PortBindings = new Dictionary<string, IList<PortBinding>>
                {
                    ["8080/tcp"] = [new PortBinding { HostIP = "", HostPort = "8080" }],
                    ["90/udp"] = [new PortBinding { HostIP = "127.0.0.1", HostPort = "9090" }],
                },
                RestartPolicy = new RestartPolicy { Name = RestartPolicyKind.OnFailure, MaximumRetryCount = 3 },
            },
            NetworkSettings = new NetworkSettings { Networks = new Dictionary<string, EndpointSettings> { ["a"] = new(), ["b"] = new() } },
        };

        var desired = ContainerJson.Of(ContainerDocument.Read(document, "/project/manifests") with { ImageId = "sha256:1111" });
        var live = ContainerJson.Of(ContainerInspection.Read(inspect));

        Assert.Empty(FieldDiffer.Diff(live, desired, new DiffOptions(Scope: new JsonObject())));
        Assert.Equal("1m30s", desired["spec"]!["healthcheck"]!["interval"]!.GetValue<string>());
        Assert.Equal("127.0.0.1:9090", desired["spec"]!["ports"]!["90/udp"]!.GetValue<string>());
        Assert.Equal("/project/manifests/www:ro", desired["spec"]!["volumes"]!["/www"]!.GetValue<string>());
        Assert.Equal("/bin", live["spec"]!["env"]!["PATH"]!.GetValue<string>());
        Assert.False(live["spec"]!["labels"]!.AsObject().ContainsKey("declarative.dev/spec-hash"));
    }

    [Fact]
    public void Diff_paths_name_the_natural_key_of_ports_and_volumes()
    {
        var before = Container("""{"image":"i","ports":["8080:80"],"volumes":["/a:/data"]}""");
        var after = Container("""{"image":"i","ports":["8081:80"],"volumes":["/b:/data"]}""");

        var paths = FieldDiffer.Diff(before, after, DiffOptions.Default).Select(d => d.Path).ToList();

        Assert.Equal(["spec.ports[\"80/tcp\"]", "spec.volumes[\"/data\"]"], paths);
    }

    [Fact]
    public void The_document_stored_after_apply_holds_absolute_bind_mounts()
    {
        var document = JsonNode.Parse("""{"kind":"Container","metadata":{"name":"c"},"spec":{"image":"i","volumes":["./www:/www:ro","../logs:/logs","cache:/cache"]}}""")!.AsObject();

        var stored = ContainerDocument.WithAbsoluteVolumes(document, "/srv/project/manifests");

        Assert.Equal("""["/srv/project/manifests/www:/www:ro","/srv/project/logs:/logs","cache:/cache"]""", stored["spec"]!["volumes"]!.ToJsonString());
        Assert.Equal("""["./www:/www:ro","../logs:/logs","cache:/cache"]""", document["spec"]!["volumes"]!.ToJsonString());
    }

    [Theory]
    [InlineData("0", 0L, "0s")]
    [InlineData("30s", 30_000_000_000L, "30s")]
    [InlineData("90s", 90_000_000_000L, "1m30s")]
    [InlineData("1.5h", 5_400_000_000_000L, "1h30m0s")]
    [InlineData("500ms", 500_000_000L, "500ms")]
    [InlineData("1m30s", 90_000_000_000L, "1m30s")]
    [InlineData("2us", 2_000L, "2µs")]
    public void Go_durations_read_and_print_as_Go_does(string text, long nanoseconds, string printed)
    {
        Assert.Equal(nanoseconds, GoDurations.ToNanoseconds(text));
        Assert.Equal(printed, GoDurations.Format(nanoseconds));
    }

    [Theory]
    [InlineData("httpd -f -p 80", new[] { "httpd", "-f", "-p", "80" })]
    [InlineData("sh -c 'echo hi; exit 3'", new[] { "sh", "-c", "echo hi; exit 3" })]
    [InlineData("echo \"a \\\"b\\\"\"  c", new[] { "echo", "a \"b\"", "c" })]
    [InlineData("  ", new string[0])]
    public void A_command_string_splits_into_words_like_a_shell(string text, string[] words) =>
        Assert.Equal(words, Words.Split(text));

    private static JsonObject Container(string spec) =>
        ContainerJson.Of(ContainerDocument.Read(new JsonObject { ["kind"] = "Container", ["metadata"] = new JsonObject { ["name"] = "c" }, ["spec"] = JsonNode.Parse(spec) }, null));
}
