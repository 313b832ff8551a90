using System.Security.Cryptography;
using System.Text;
using Declarative.Providers.Docker.Images;

namespace Declarative.Providers.Docker.Tests.Images;

public sealed class InputDigestTests
{
    private const string DockerfileText = "FROM scratch\nCOPY . /app\n";

    private static readonly ImageBuildInputs Inputs = new(
        new Dictionary<string, string?> { ["VERSION"] = "1.2", ["EMPTY"] = "", ["UNSET"] = null },
        "runtime",
        "linux/amd64",
        new Dictionary<string, string> { ["team"] = "shop" });

    [Fact]
    public void Encodes_the_inputs_in_the_documented_canonical_form()
    {
        using var context = Golden();

        var loaded = context.Load();
        var text = InputDigestEncoding.Encode(loaded, Sha(DockerfileText), Hashes(loaded), Inputs);

        Assert.Equal(
            "in1\n"
            + $"dockerfile 10:Dockerfile {Sha(DockerfileText)}\n"
            + "target 7:runtime\n"
            + "platform 11:linux/amd64\n"
            + "buildarg 5:EMPTY 0:\n"
            + "buildarg 5:UNSET unset\n"
            + "buildarg 7:VERSION 3:1.2\n"
            + "label 4:team 4:shop\n"
            + $"file 13:.dockerignore 0644 {Sha("*.log\n")}\n"
            + $"file 10:Dockerfile 0644 {Sha(DockerfileText)}\n"
            + "dir 3:app 0755\n"
            + "symlink 11:app/current 8:main.txt\n"
            + "dir 9:app/empty 0755\n"
            + $"file 12:app/main.txt 0644 {Sha("hello\n")}\n"
            + $"file 17:app/naïve ü.txt 0644 {Sha("ü\n")}\n"
            + $"file 10:app/run.sh 0755 {Sha("#!/bin/sh\necho hi\n")}\n"
            + "end\n",
            text);
    }

    [Fact]
    public async Task Gives_the_golden_digest_for_a_fixed_context()
    {
        using var context = Golden();

        var digest = await InputDigest.ComputeAsync(context.Load(), Inputs, null, CancellationToken.None);

        // Checked independently: SHA-256 of the canonical text above, computed by a separate Python script.
        Assert.Equal("b0e76e0cc6909ee9bc8758eb2ac8841bf90989f9dce15f247593ffbc863d6125", digest.Sha256);
        Assert.Equal("in1-b0e76e0cc690", digest.Tag);
    }

    [Fact]
    public async Task Does_not_depend_on_the_folder_or_modification_times()
    {
        using var first = Golden();
        using var second = Golden();
        File.SetLastWriteTimeUtc(second.PathOf("app/main.txt"), DateTime.UtcNow);
        Directory.SetLastWriteTimeUtc(second.PathOf("app"), DateTime.UtcNow);

        Assert.NotEqual(first.Root, second.Root);
        Assert.Equal(await DigestOf(first), await DigestOf(second));
    }

    [Fact]
    public async Task Changes_when_a_file_changes()
    {
        using var context = Golden();
        var before = await DigestOf(context);

        context.Write("app/main.txt", "hellO\n");

        Assert.NotEqual(before, await DigestOf(context));
    }

    [Fact]
    public async Task Does_not_change_when_an_excluded_file_changes()
    {
        using var context = Golden().Write("debug.log", "one");
        var before = await DigestOf(context);

        context.Write("debug.log", "two").Write("new.log", "new");

        Assert.Equal(before, await DigestOf(context));
    }

    [Fact]
    public async Task Changes_when_an_exception_re_includes_a_changed_file()
    {
        using var context = Golden().Write("keep.log", "one").Write(".dockerignore", "*.log\n!keep.log\n");
        var before = await DigestOf(context);

        context.Write("keep.log", "two");

        Assert.NotEqual(before, await DigestOf(context));
    }

    [Fact]
    public async Task Changes_when_a_file_is_deleted()
    {
        using var context = Golden().Write("app/extra.txt", "x");
        var before = await DigestOf(context);

        File.Delete(context.PathOf("app/extra.txt"));

        Assert.NotEqual(before, await DigestOf(context));
    }

    [Fact]
    public async Task Changes_when_an_empty_folder_is_added_because_docker_sends_folders()
    {
        using var context = Golden();
        var before = await DigestOf(context);

        context.Folder("app/another");

        Assert.NotEqual(before, await DigestOf(context));
    }

    [Fact]
    public async Task Changes_when_a_file_becomes_executable()
    {
        using var context = Golden();
        var before = await DigestOf(context);

        context.Mode("app/main.txt", (UnixFileMode)0x1ED);

        Assert.NotEqual(before, await DigestOf(context));
    }

    [Fact]
    public async Task Changes_when_a_symbolic_link_points_elsewhere()
    {
        using var context = Golden();
        var before = await DigestOf(context);

        File.Delete(context.PathOf("app/current"));
        context.Link("app/current", "run.sh");

        Assert.NotEqual(before, await DigestOf(context));
    }

    [Fact]
    public async Task Changes_when_the_dockerfile_moves_even_with_the_same_content()
    {
        using var context = Golden().Write("Dockerfile.prod", DockerfileText);

        var main = await InputDigest.ComputeAsync(context.Load(), ImageBuildInputs.None, null, CancellationToken.None);
        var prod = await InputDigest.ComputeAsync(context.Load("Dockerfile.prod"), ImageBuildInputs.None, null, CancellationToken.None);

        Assert.NotEqual(main, prod);
    }

    [Fact]
    public async Task Hashes_what_a_dockerfile_link_points_at()
    {
        // The real file is excluded, so only the Dockerfile line of the digest can see its content.
        using var context = new TestContext(("docker/real.Dockerfile", DockerfileText), (".dockerignore", "docker\n")).Link("Dockerfile", "docker/real.Dockerfile");
        var before = await InputDigest.ComputeAsync(context.Load(), ImageBuildInputs.None, null, CancellationToken.None);

        context.Write("docker/real.Dockerfile", "FROM scratch\n");
        var loaded = context.Load();
        var after = await InputDigest.ComputeAsync(loaded, ImageBuildInputs.None, null, CancellationToken.None);

        Assert.Equal([".dockerignore", "Dockerfile"], loaded.Entries.Select(e => e.RelativePath));
        Assert.Equal(ContextEntryKind.SymbolicLink, loaded.Entries[1].Kind);
        Assert.NotEqual(before, after);
    }

    private static readonly Dictionary<string, ImageBuildInputs> ChangedInputs = new()
    {
        ["a build argument value"] = Inputs with { BuildArgs = new Dictionary<string, string?> { ["VERSION"] = "1.3", ["EMPTY"] = "", ["UNSET"] = null } },
        ["an unset build argument given the empty value"] = Inputs with { BuildArgs = new Dictionary<string, string?> { ["VERSION"] = "1.2", ["EMPTY"] = "", ["UNSET"] = "" } },
        ["a build argument added"] = Inputs with { BuildArgs = new Dictionary<string, string?> { ["VERSION"] = "1.2", ["EMPTY"] = "", ["UNSET"] = null, ["MORE"] = "x" } },
        ["no build arguments"] = Inputs with { BuildArgs = null },
        ["the target"] = Inputs with { Target = "build" },
        ["no target"] = Inputs with { Target = null },
        ["the platform"] = Inputs with { Platform = "linux/arm64" },
        ["a label"] = Inputs with { Labels = new Dictionary<string, string> { ["team"] = "billing" } },
    };

    public static TheoryData<string> Changes => new(ChangedInputs.Keys);

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Changes_with_the_build_settings(string change)
    {
        var changed = ChangedInputs[change];
        using var context = Golden();
        var loaded = context.Load();

        var before = await InputDigest.ComputeAsync(loaded, Inputs, null, CancellationToken.None);
        var after = await InputDigest.ComputeAsync(loaded, changed, null, CancellationToken.None);

        Assert.True(before != after, $"changing {change} must change the digest");
    }

    [Fact]
    public async Task Does_not_depend_on_the_order_build_arguments_are_given_in()
    {
        using var context = Golden();
        var loaded = context.Load();
        var reordered = Inputs with { BuildArgs = new Dictionary<string, string?> { ["UNSET"] = null, ["VERSION"] = "1.2", ["EMPTY"] = "" } };

        Assert.Equal(
            await InputDigest.ComputeAsync(loaded, Inputs, null, CancellationToken.None),
            await InputDigest.ComputeAsync(loaded, reordered, null, CancellationToken.None));
    }

    [Fact]
    public async Task An_unreadable_file_is_an_error_naming_it()
    {
        using var context = Golden();

        var error = await Assert.ThrowsAsync<BuildContextException>(() =>
            InputDigest.ComputeAsync(context.Load(), Inputs, null, new FailingReader(), CancellationToken.None));

        Assert.Matches(@"^Cannot read .+ in the build context: Access to the path is denied\. Make it readable, or exclude "".+"" in \.dockerignore\.$", error.Message);
    }

    internal static TestContext Golden() =>
        new TestContext(("Dockerfile", DockerfileText), (".dockerignore", "*.log\n"), ("app/main.txt", "hello\n"), ("app/run.sh", "#!/bin/sh\necho hi\n"), ("app/naïve ü.txt", "ü\n"))
            .Mode("app/run.sh", (UnixFileMode)0x1ED)
            .Folder("app/empty")
            .Link("app/current", "main.txt");

    private static async Task<InputDigest> DigestOf(TestContext context) =>
        await InputDigest.ComputeAsync(context.Load(), Inputs, null, CancellationToken.None);

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static Dictionary<string, string> Hashes(BuildContext context) =>
        context.Entries.Where(e => e.Kind == ContextEntryKind.File).ToDictionary(e => e.RelativePath, e => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(e.FullPath))));

    private sealed class FailingReader : IContextFileReader
    {
        public Stream OpenRead(string fullPath) => throw new UnauthorizedAccessException("Access to the path is denied.");
    }
}
