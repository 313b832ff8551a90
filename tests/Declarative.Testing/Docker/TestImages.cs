using System.Security.Cryptography;

namespace Declarative.Testing.Docker;

/// <summary>Images and names for tests against a real engine. No public registry can be reached, so the test image
/// is built here FROM scratch around the host's static busybox (Debian's busybox-static).</summary>
public static class TestImages
{
    public const string BusyboxImage = "declarative-test/busybox:1";

    public const string BusyboxBinary = "/usr/bin/busybox";

    private const string BusyboxDockerfile = """
        FROM scratch
        COPY busybox /bin/busybox
        RUN ["/bin/busybox","--install","-s","/bin"]
        ENV PATH=/bin
        CMD ["sh"]

        """;

    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

    // Built at most once per process; every test awaits the same build.
    private static readonly Lazy<Task<string>> Busybox =
        new(BuildBusyboxAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Makes sure <see cref="BusyboxImage"/> exists in the engine and returns its reference. The build
    /// is shared and has its own timeout; <paramref name="cancellationToken"/> only stops this caller's wait.</summary>
    public static Task<string> EnsureBusyboxImageAsync(CancellationToken cancellationToken) =>
        Busybox.Value.WaitAsync(cancellationToken);

    /// <summary>"prefix-" and 8 random hex digits: a container, volume or network name no other test run uses.</summary>
    public static string UniqueName(string prefix) =>
        $"{prefix}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>Removes every local image carrying <paramref name="label"/> ("key=value"), with all its tags and the
    /// intermediate images only it uses. Registry content stays: a registry cannot be asked to delete here.</summary>
    public static async Task RemoveImagesLabelledAsync(string label, CancellationToken cancellationToken)
    {
        var listed = await DockerCli.RunAsync(["images", "-q", "--no-trunc", "--filter", $"label={label}"], cancellationToken);
        var ids = listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count > 0)
        {
            await DockerCli.RunAsync(["rmi", "-f", .. ids], cancellationToken);
        }
    }

    private static async Task<string> BuildBusyboxAsync()
    {
        if (!File.Exists(BusyboxBinary))
        {
            throw new InvalidOperationException(
                $"{BusyboxBinary} is missing, and the test image {BusyboxImage} is built from it. " +
                "Install Debian's busybox-static (scripts/test.sh does).");
        }

        using var context = new TempDirectory(new Dictionary<string, string> { ["Dockerfile"] = BusyboxDockerfile });
        File.Copy(BusyboxBinary, context.PathOf("busybox"));
        using var timeout = new CancellationTokenSource(BuildTimeout);
        var result = await DockerCli.RunAsync(["build", "-q", "-t", BusyboxImage, "."], context.Root, timeout.Token);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Building the test image {BusyboxImage} at {DockerTestServices.Current.DockerHost} failed. {result.Describe()}");
        }

        return BusyboxImage;
    }
}
