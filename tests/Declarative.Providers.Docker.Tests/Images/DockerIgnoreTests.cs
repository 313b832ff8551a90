using Declarative.Providers.Docker.Images;

namespace Declarative.Providers.Docker.Tests.Images;

/// <summary>
/// Expected results are docker's: most single-pattern rows are moby/patternmatcher's own test table
/// (TestMatches, TestMatch), the rest follow from its rules (last match wins, parents match, '!' re-includes).
/// </summary>
public sealed class DockerIgnoreTests
{
    public static TheoryData<string, string, bool> SinglePatterns => new()
    {
        { "**", "file", true },
        { "**/", "file", true },
        { "**", "dir/file", true },
        { "**/**", "dir/file", true },
        { "dir/**", "dir/file", true },
        { "dir/**", "dir/dir2/file", true },
        { "dir/**", "dir", false },
        { "**/dir", "dir", true },
        { "**/dir", "dir/file", true },
        { "**/dir", "a/b/dir/file", true },
        { "**/dir2/*", "dir/dir2/file", true },
        { "**/dir2/**", "dir/dir2/dir3/file", true },
        { "**file", "file", true },
        { "**file", "dir/file", true },
        { "**file", "dir/xfile", true },
        { "**/file", "dir/xfile", false },
        { "**/file", "dir/dir/file", true },
        { "**/file*", "dir/dir/file.txt", true },
        { "**/file*txt", "dir/dir/file.txt", true },
        { "**/**/*.txt", "dir/dir/file.txt", true },
        { "**/**/*.txt2", "dir/dir/file.txt", false },
        { "**/*.txt", "file.txt", true },
        { "**/*.go", "a/b/c/main.go", true },
        { "**/*.go", "a/b/c/main.go.bak", false },
        { "a**/*.txt", "a/dir/dir/file.txt", true },
        { "a/*.txt", "a/dir/file.txt", false },
        { "a/*.txt", "a/file.txt", true },
        { "a/*.txt**", "a/file.txt", true },
        { "a[b-d]e", "ae", false },
        { "a[b-d]e", "ace", true },
        { "a[b-d]e", "aae", false },
        { "a[^b-d]e", "aze", true },
        { ".*", ".foo", true },
        { ".*", "foo", false },
        { "abc.def", "abcdef", false },
        { "abc.def", "abc.def", true },
        { "abc?def", "abcZdef", true },
        { "abc?def", "abcdef", false },
        { "abc?def", "abc/def", false },
        { "**/foo/bar", "foo/bar", true },
        { "**/foo/bar", "dir/dir2/foo/bar", true },
        { "abc/**", "abc", false },
        { "abc/**", "abc/def/ghi", true },
        { "**/.foo", ".foo", true },
        { "**/.foo", "bar.foo", false },
        { "a(b)c/def", "a(b)c/def", true },
        { "a(b)c/def", "a(b)c/xyz", false },
        { "a.|)$(}+{bc", "a.|)$(}+{bc", true },
        { "dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true },
        { @"a\\", @"a\", true },
        { @"a\*b", "a*b", true },
        { @"a\*b", "axb", false },
        { "*", "abc", true },
        { "*", "dir/file", true },
        { "*c", "abc", true },
        { "a*", "ab/c", true },
        { "a*/b", "abc/b", true },
        { "a*/b", "a/c/b", false },
        { "a*b*c*d*e*/f", "axbxcxdxexxx/f", true },
        { "a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false },
        { "a*b?c*x", "abxbbxdbxebxczzx", true },
        { "a*b?c*x", "abxbbxdbxebxczzy", false },
        { "ab[^c]", "abc", false },
        { "ab[^e-g]", "abc", true },
        { "a?b", "a☺b", true },
        { "a???b", "a☺b", false },
        { "a?b", "a😀b", true },
        { "[a-ζ]*", "α", true },
        { "*[a-ζ]", "A", false },
        { @"[\]a]", "]", true },
        { @"[\-]", "-", true },
        { @"[x\-]", "-", true },
        { @"[x\-]", "z", false },
        { "*/temp*", "somedir/temporary.txt", true },
        { "*/temp*", "temp", false },
        { "*/*/temp*", "somedir/subdir/temporary.txt", true },
        { "temp?", "tempa", true },
        { "temp?", "temp", false },
        { "docs", "docs/a/b/c.md", true },
        { "docs/", "docs/README.md", true },
        { "/docs", "docs/README.md", true },
        { "./docs/../docs//", "docs/README.md", true },
        { "docs", "docsx", false },
        { "docs", "a/docs", false },
        { ".", "anything", false },
        { "x", ".", false },
        { "node_modules", "node_modules/.bin/tool", true },
        { "file\n", "file", true },
    };

    public static TheoryData<string, string, bool> SeveralPatterns => new()
    {
        { "*.md\n!README*.md", "README-secret.md", false },
        { "*.md\n!README*.md", "CHANGES.md", true },
        { "*.md\n!README*.md\nREADME-secret.md", "README-secret.md", true },
        { "!fileutils.go\n*.go", "fileutils.go", true },
        { "*.go\n!fileutils.go", "fileutils.go", false },
        { "docs\n!docs/README.md", "docs/README.md", false },
        { "docs\n!docs/README.md", "docs/other.md", true },
        { "docs/\n!docs/README.md", "docs/README.md", false },
        { "docs/*\n!docs/README.md", "docs/README.md", false },
        { "**\n!util/docker/web", "util/docker/web/foo", false },
        { "**\n!util/docker/web\nutil/docker/web/foo", "util/docker/web/foo", true },
        { "**\n!dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", false },
        { "**\n!src", "src/a/b.go", false },
        { "**\n!src", "test/a.go", true },
        { "**/*.log\n!important/**", "important/x.log", false },
        { "**/*.log\n!important/**", "other/x.log", true },
        { "# comment\n*.tmp", "a.tmp", true },
        { "# *.tmp", "a.tmp", false },
        { " # not a comment", "# not a comment", true },
        { "\uFEFF*.tmp", "a.tmp", true },
        { "*.tmp\r\n*.bak\r\n", "a.bak", true },
        { "  *.tmp  \n\n\t\n", "a.tmp", true },
        { "! *.tmp", "a.tmp", false },
    };

    [Theory]
    [MemberData(nameof(SinglePatterns))]
    public void Matches_one_pattern_as_docker_does(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse(pattern).IsExcluded(path));

    [Theory]
    [MemberData(nameof(SeveralPatterns))]
    public void The_last_matching_pattern_wins(string file, string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse(file).IsExcluded(path));

    [Theory]
    [InlineData("/foo/bar", "foo/bar")]
    [InlineData("  foo/./bar/  ", "foo/bar")]
    [InlineData("!  /foo//bar", "!foo/bar")]
    [InlineData("!foo/../../bar", "!../bar")]
    [InlineData("/", "/")]
    [InlineData("**/", "**")]
    public void Cleans_each_pattern_like_docker(string line, string expected) =>
        Assert.Equal(expected, Assert.Single(DockerIgnore.Parse(line).Lines));

    [Theory]
    [InlineData("[", "line 1")]
    [InlineData("ok\n[]a]", "line 2")]
    [InlineData("ok\n\n# c\n[x-]", "line 4")]
    [InlineData("[-x]", "line 1")]
    [InlineData("[a-b-c]", "line 1")]
    [InlineData("[^bc", "line 1")]
    [InlineData("a[", "line 1")]
    [InlineData(@"a\", "line 1")]
    [InlineData("!", "line 1")]
    [InlineData(" ! ", "line 1")]
    [InlineData("[z-a]", "line 1")]
    [InlineData(@"a\d", "line 1")]
    public void Rejects_an_invalid_pattern_naming_its_line(string file, string line)
    {
        var error = Assert.Throws<BuildContextException>(() => DockerIgnore.Parse(file, "/ctx/.dockerignore"));
        Assert.Contains($"/ctx/.dockerignore {line}: the pattern", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix or remove the line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_the_dockerfile_and_dockerignore_when_the_patterns_exclude_them()
    {
        var ignore = DockerIgnore.Parse("*").KeepingBuildFiles("Dockerfile");

        Assert.Equal(["*", "!.dockerignore", "!Dockerfile"], ignore.Lines);
        Assert.False(ignore.IsExcluded("Dockerfile"));
        Assert.False(ignore.IsExcluded(".dockerignore"));
        Assert.True(ignore.IsExcluded("main.go"));
    }

    [Fact]
    public void Adds_no_exception_for_build_files_that_are_sent_anyway()
    {
        var ignore = DockerIgnore.Parse("*.tmp").KeepingBuildFiles("Dockerfile");

        Assert.Equal(["*.tmp"], ignore.Lines);
    }

    [Fact]
    public void Keeps_a_dockerfile_in_an_excluded_folder()
    {
        var ignore = DockerIgnore.Parse("build").KeepingBuildFiles("build/Dockerfile");

        Assert.Equal(["build", "!build/Dockerfile"], ignore.Lines);
        Assert.False(ignore.IsExcluded("build/Dockerfile"));
        Assert.True(ignore.IsExcluded("build/other"));
        Assert.True(ignore.MayResendBelow("build"));
    }

    [Theory]
    [InlineData("docs\n!docs/README.md", "docs", true)]
    [InlineData("docs\n!docs/*.md", "docs", true)]
    [InlineData("docs\n!docs", "docs", true)]
    [InlineData("docs\n!docsy/a", "docs", false)]
    [InlineData("build\n!**/keep", "build", false)]
    [InlineData("build", "build", false)]
    public void Walks_into_an_excluded_folder_only_when_an_exception_names_a_path_below_it(string file, string folder, bool walks) =>
        Assert.Equal(walks, DockerIgnore.Parse(file).MayResendBelow(folder));
}
