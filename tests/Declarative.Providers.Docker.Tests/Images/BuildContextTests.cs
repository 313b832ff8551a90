using System.Diagnostics;
using Declarative.Providers.Docker.Images;

namespace Declarative.Providers.Docker.Tests.Images;

public sealed class BuildContextTests
{
    [Fact]
    public void Lists_folders_files_and_links_in_code_point_order_with_parents_first()
    {
        using var context = new TestContext(("Dockerfile", "FROM scratch\n"), ("src/b.txt", "b"), ("src/a/z.txt", "z"), ("src.txt", "s"), ("Zeta", "upper"))
            .Folder("empty")
            .Link("src/link", "../src.txt");

        var loaded = context.Load();

        Assert.Equal(["Dockerfile", "Zeta", "empty", "src", "src.txt", "src/a", "src/a/z.txt", "src/b.txt", "src/link"], Paths(loaded));
        Assert.Equal(ContextEntryKind.Directory, Entry(loaded, "empty").Kind);
        Assert.Equal(ContextEntryKind.File, Entry(loaded, "src.txt").Kind);
        var link = Entry(loaded, "src/link");
        Assert.Equal(ContextEntryKind.SymbolicLink, link.Kind);
        Assert.Equal("../src.txt", link.LinkTarget);
        Assert.Equal("Dockerfile", loaded.Dockerfile);
        Assert.Equal(context.Root, loaded.Directory);
    }

    [Fact]
    public void Declaratives_own_folder_inside_the_context_is_neither_sent_nor_digested()
    {
        using var context = new TestContext(("Dockerfile", "FROM scratch\n"), ("app.js", "x"), (".declarative/state/dev/revision-000001.json", "{}"), (".declarative-notes", "kept"));

        var loaded = BuildContext.Load(context.Root).Without(context.PathOf(".declarative"));

        Assert.Equal([".declarative-notes", "Dockerfile", "app.js"], loaded.Entries.Select(e => e.RelativePath));
        Assert.Same(loaded, loaded.Without(Path.Combine(context.Outside, "elsewhere")));
    }

    [Fact]
    public void Leaves_out_what_dockerignore_excludes_but_always_sends_the_dockerfile_and_dockerignore()
    {
        using var context = new TestContext(("Dockerfile", "FROM scratch\n"), (".dockerignore", "*\n!app\n"), ("app/main.go", "package main"), ("secret.env", "X=1"), ("logs/a.log", "a"));

        Assert.Equal([".dockerignore", "Dockerfile", "app", "app/main.go"], Paths(context.Load()));
    }

    [Fact]
    public void Sends_a_file_an_exception_re_includes_from_an_excluded_folder_without_the_folder_entry()
    {
        using var context = new TestContext(("Dockerfile", "FROM scratch\n"), (".dockerignore", "docs\n!docs/README.md\n"), ("docs/README.md", "r"), ("docs/guide.md", "g"), ("docs/deep/x.md", "x"));

        Assert.Equal([".dockerignore", "Dockerfile", "docs/README.md"], Paths(context.Load()));
    }

    [Fact]
    public void Does_not_walk_into_an_excluded_folder_when_no_exception_names_a_path_below_it_as_docker()
    {
        // "!**/keep" would re-include build/keep, but docker never looks inside "build": its prefix test fails.
        using var context = new TestContext(("Dockerfile", "FROM scratch\n"), (".dockerignore", "build\n!**/keep\n"), ("build/keep", "k"), ("src/keep", "k"));

        Assert.Equal([".dockerignore", "Dockerfile", "src", "src/keep"], Paths(context.Load()));
    }

    [Fact]
    public void Keeps_everything_below_a_folder_that_an_exception_re_includes()
    {
        using var context = new TestContext(("Dockerfile", "FROM scratch\n"), (".dockerignore", "**\n!src\n"), ("src/a/b.go", "b"), ("test/t.go", "t"));

        Assert.Equal([".dockerignore", "Dockerfile", "src", "src/a", "src/a/b.go"], Paths(context.Load()));
    }

    [Fact]
    public void Sends_a_dockerfile_in_an_excluded_folder()
    {
        using var context = new TestContext(("build/Dockerfile", "FROM scratch\n"), (".dockerignore", "build\n"), ("build/other", "o"));

        var loaded = context.Load("build/Dockerfile");

        Assert.Equal([".dockerignore", "build/Dockerfile"], Paths(loaded));
        Assert.Equal("build/Dockerfile", loaded.Dockerfile);
    }

    [Fact]
    public void Accepts_an_absolute_dockerfile_path_inside_the_context()
    {
        using var context = new TestContext(("docker/app.Dockerfile", "FROM scratch\n"));

        Assert.Equal("docker/app.Dockerfile", context.Load(context.PathOf("docker/app.Dockerfile")).Dockerfile);
    }

    [Fact]
    public void Falls_back_to_a_lowercase_dockerfile_as_docker_does()
    {
        using var context = new TestContext(("dockerfile", "FROM scratch\n"));

        Assert.Equal("dockerfile", context.Load().Dockerfile);
    }

    [Fact]
    public void A_missing_context_folder_is_an_error_naming_it()
    {
        using var context = new TestContext();
        var missing = context.PathOf("nope");

        var error = Assert.Throws<BuildContextException>(() => BuildContext.Load(missing));

        Assert.Equal($"The build context folder {missing} does not exist. Create it, or point the Image's context at an existing folder.", error.Message);
    }

    [Fact]
    public void A_context_that_is_a_file_is_an_error()
    {
        using var context = new TestContext(("file", "x"));

        var error = Assert.Throws<BuildContextException>(() => BuildContext.Load(context.PathOf("file")));

        Assert.StartsWith($"The build context {context.PathOf("file")} is a file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_dockerfile_is_an_error_naming_it()
    {
        using var context = new TestContext(("main.go", "x"));

        var error = Assert.Throws<BuildContextException>(() => context.Load());

        Assert.Equal(
            $"The Dockerfile {context.PathOf("Dockerfile")} does not exist. Create it, or set the Image's dockerfile to its path relative to the context {context.Root}.",
            error.Message);
    }

    [Theory]
    [InlineData("../Dockerfile")]
    [InlineData("/etc/Dockerfile")]
    [InlineData(".")]
    public void A_dockerfile_outside_the_context_is_an_error(string dockerfile)
    {
        using var context = new TestContext(("Dockerfile", "FROM scratch\n"));

        var error = Assert.Throws<BuildContextException>(() => context.Load(dockerfile));

        Assert.Contains($"is outside the build context {context.Root}. Move it into the context folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dockerfile_that_is_a_folder_is_an_error()
    {
        using var context = new TestContext(("Dockerfile/x", "x"));

        var error = Assert.Throws<BuildContextException>(() => context.Load());

        Assert.StartsWith($"The Dockerfile {context.PathOf("Dockerfile")} is a folder.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_dockerignore_pattern_is_an_error_naming_the_file_and_line()
    {
        using var context = new TestContext(("Dockerfile", "FROM scratch\n"), (".dockerignore", "ok\n[\n"));

        var error = Assert.Throws<BuildContextException>(() => context.Load());

        Assert.StartsWith($"{context.PathOf(".dockerignore")} line 2: the pattern \"[\" is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_pipe_is_an_error_unless_excluded()
    {
        using var context = new TestContext(("Dockerfile", "FROM scratch\n"));
        using (var mkfifo = Process.Start("mkfifo", context.PathOf("pipe")))
        {
            mkfifo.WaitForExit();
        }

        var error = Assert.Throws<BuildContextException>(() => context.Load());
        Assert.Contains("is a named pipe or device", error.Message, StringComparison.Ordinal);

        context.Write(".dockerignore", "pipe\n");
        Assert.Equal([".dockerignore", "Dockerfile"], Paths(context.Load()));
    }

    [Fact]
    public void Records_permissions_and_modification_time()
    {
        using var context = new TestContext(("Dockerfile", "FROM scratch\n"), ("run.sh", "#!/bin/sh\n"));
        context.Mode("run.sh", (UnixFileMode)0x1ED);

        var entry = Entry(context.Load(), "run.sh");

        Assert.Equal((UnixFileMode)0x1ED, entry.Permissions);
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero), entry.Stat.ModificationTime);
        Assert.Equal(10, entry.Stat.Size);
        Assert.NotEqual(0UL, entry.Stat.Inode);
    }

    private static string[] Paths(BuildContext context) => context.Entries.Select(e => e.RelativePath).ToArray();

    private static ContextEntry Entry(BuildContext context, string path) => context.Entries.Single(e => e.RelativePath == path);
}
