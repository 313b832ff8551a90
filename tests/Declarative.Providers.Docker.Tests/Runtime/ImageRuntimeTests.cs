using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Runtime;
using Declarative.Testing.Docker;

namespace Declarative.Providers.Docker.Tests.Runtime;

/// <summary>Images on the real engine and the open test registry, through the provider seam: what the CLI cannot
/// show, namely the reference a plan already knows and a revision's pinned reference applied without any build.</summary>
public sealed class ImageRuntimeTests
{
    [DockerFact]
    public async Task An_unchanged_pushed_image_plans_a_no_op_that_already_knows_the_reference_applied_before()
    {
        await using var images = await ImageFixture.StartAsync("known");
        var desired = images.DesiredImage();

        var (change, applied, _) = await images.Docker.ApplyAsync(desired, null);

        Assert.Equal(ChangeAction.Create, change.Action);
        Assert.Equal("build", change.Verb);
        var reference = applied.Outputs["reference"]!;
        Assert.Matches(PinnedReference(images.Repository), reference);
        var again = await images.Docker.PlanAsync(desired, applied);
        Assert.Equal(ChangeAction.NoOp, again.Action);
        Assert.NotNull(again.KnownOutputs);
        Assert.Equal(reference, again.KnownOutputs["reference"]);
        Assert.Equal(applied.Outputs["digest"], again.KnownOutputs["digest"]);
        Assert.Equal(applied.Outputs["tag"], again.KnownOutputs["tag"]);
    }

    [DockerFact]
    public async Task A_container_on_a_pinned_reference_whose_local_image_is_gone_pulls_it_from_the_registry_and_builds_nothing()
    {
        await using var images = await ImageFixture.StartAsync("pinned");
        var (_, image, _) = await images.Docker.ApplyAsync(images.DesiredImage(), null);
        Assert.Contains(images.BuildLines, l => l.StartsWith("Step 1/", StringComparison.Ordinal));
        var reference = image.Outputs["reference"]!;
        var name = TestImages.UniqueName("pinned");
        // What a revision stores for the container: the pinned reference itself, no ${image:...} left to resolve.
        var container = images.Docker.Desired("Container", name, new JsonObject
        {
            ["image"] = reference,
            ["command"] = "httpd -f -p 8080 -h /www",
            ["stopTimeout"] = 1,
        });
        var (_, first, _) = await images.Docker.ApplyAsync(container, null);
        Assert.Equal(0, (await DockerCli.RunAsync(["rm", "-f", name], DockerRuntimeFixture.Timeout)).ExitCode);
        var untag = await DockerCli.RunAsync(["rmi", $"{images.Repository}:{image.Outputs["tag"]}"], DockerRuntimeFixture.Timeout);
        Assert.True(untag.ExitCode == 0, untag.Describe());
        Assert.NotEqual(0, (await DockerCli.RunAsync(["image", "inspect", reference], DockerRuntimeFixture.Timeout)).ExitCode);
        images.BuildLines.Clear();
        var since = DateTimeOffset.UtcNow;

        var (change, _, wait) = await images.Docker.ApplyAsync(container, first);

        Assert.Equal(ChangeAction.Create, change.Action);
        Assert.True(wait.Ready, wait.Reason);
        Assert.Empty(images.BuildLines);
        var events = await ImageEventsAsync(since, images.Repository);
        Assert.Contains($"pull {reference}", events);
        Assert.DoesNotContain(events, e => e.StartsWith("tag ", StringComparison.Ordinal));
        var running = await DockerCli.RunAsync(["inspect", "--format", "{{.Config.Image}} {{.Image}}", name], DockerRuntimeFixture.Timeout);
        Assert.Equal($"{reference} {image.Outputs["imageId"]}", running.StandardOutput.Trim());
    }

    /// <summary>"action actor" of the engine's image events since <paramref name="since"/> that name the repository
    /// (a pull names the reference; a build's tag event names the new tag).</summary>
    private static async Task<List<string>> ImageEventsAsync(DateTimeOffset since, string repository)
    {
        var until = DateTimeOffset.UtcNow.AddSeconds(1);
        var result = await DockerCli.RunAsync(
            ["events", "--since", Seconds(since), "--until", Seconds(until), "--filter", "type=image", "--format", "{{.Action}} {{.Actor.ID}} {{index .Actor.Attributes \"name\"}}"],
            DockerRuntimeFixture.Timeout);
        Assert.True(result.ExitCode == 0, result.Describe());
        return [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(e => e.Contains(repository, StringComparison.Ordinal))
            .Select(e => string.Join(' ', e.Split(' ').Take(2)))];
    }

    private static string Seconds(DateTimeOffset time) =>
        (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);

    private static Regex PinnedReference(string repository) =>
        new($"^{Regex.Escape(repository)}:in1-[0-9a-f]{{12}}@sha256:[0-9a-f]{{64}}$");

    /// <summary>An Image with a small context of its own, pushed to a repository no other run uses; collects what the
    /// provider reports as build output, and removes the environment's containers and local images at the end.</summary>
    private sealed class ImageFixture : IAsyncDisposable
    {
        private const string ImageName = "site";

        private ImageFixture(DockerRuntimeFixture docker, ConcurrentQueue<string> buildLines, string repository)
        {
            Docker = docker;
            BuildLines = buildLines;
            Repository = repository;
        }

        public DockerRuntimeFixture Docker { get; }

        /// <summary>Every line the provider printed for a build or push.</summary>
        public ConcurrentQueue<string> BuildLines { get; }

        public string Repository { get; }

        public static async Task<ImageFixture> StartAsync(string prefix)
        {
            var lines = new ConcurrentQueue<string>();
            var options = new DockerProviderOptions
            {
                StartupWindow = TimeSpan.FromSeconds(1),
                BuildOutput = (_, line) => lines.Enqueue(line),
            };
            var docker = await DockerRuntimeFixture.StartAsync([DockerRuntimeFixture.Address("Image", ImageName)], options);
            var unique = TestImages.UniqueName(prefix);
            Directory.CreateDirectory(Path.Combine(docker.Folder, "app", "www"));
            await File.WriteAllTextAsync(Path.Combine(docker.Folder, "app", "Dockerfile"), $"FROM {TestImages.BusyboxImage}\nCOPY www /www\n");
            await File.WriteAllTextAsync(Path.Combine(docker.Folder, "app", "www", "index.html"), $"{unique}\n");
            return new ImageFixture(docker, lines, $"{DockerTestServices.Current.Registry}/declarative-tests/{unique}");
        }

        public DesiredResource DesiredImage() =>
            Docker.Desired("Image", ImageName, new JsonObject { ["context"] = "app", ["repository"] = Repository });

        public async ValueTask DisposeAsync()
        {
            var environment = Docker.Owner.Environment;
            await Docker.DisposeAsync();
            // The pulled image carries the same labels as the built one: this finds both.
            await TestImages.RemoveImagesLabelledAsync($"declarative.dev/environment={environment}", CancellationToken.None);
        }
    }
}
