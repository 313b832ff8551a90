using Declarative.Providers.Docker.Images;

namespace Declarative.Providers.Docker.Tests.Images;

public sealed class GoPathTests
{
    // Cases from Go's path/filepath Clean documentation and tests.
    [Theory]
    [InlineData("", ".")]
    [InlineData("abc", "abc")]
    [InlineData("abc/def", "abc/def")]
    [InlineData(".", ".")]
    [InlineData("..", "..")]
    [InlineData("../..", "../..")]
    [InlineData("../../abc", "../../abc")]
    [InlineData("/abc", "/abc")]
    [InlineData("/", "/")]
    [InlineData("abc/", "abc")]
    [InlineData("abc/def/", "abc/def")]
    [InlineData("a/b/c/", "a/b/c")]
    [InlineData("./", ".")]
    [InlineData("../", "..")]
    [InlineData("/abc/", "/abc")]
    [InlineData("abc//def//ghi", "abc/def/ghi")]
    [InlineData("//abc", "/abc")]
    [InlineData("///abc", "/abc")]
    [InlineData("abc//", "abc")]
    [InlineData("abc/./def", "abc/def")]
    [InlineData("/./abc/def", "/abc/def")]
    [InlineData("abc/.", "abc")]
    [InlineData("abc/def/ghi/../jkl", "abc/def/jkl")]
    [InlineData("abc/def/../ghi/../jkl", "abc/jkl")]
    [InlineData("abc/def/..", "abc")]
    [InlineData("abc/def/../..", ".")]
    [InlineData("/abc/def/../..", "/")]
    [InlineData("abc/def/../../..", "..")]
    [InlineData("/abc/def/../../..", "/")]
    [InlineData("abc/def/../../../ghi/jkl/../../../mno", "../../mno")]
    [InlineData("/../abc", "/abc")]
    [InlineData("abc/./../def", "def")]
    [InlineData("abc//./../def", "def")]
    [InlineData("abc/../../././../def", "../../def")]
    [InlineData("!../..", ".")]
    [InlineData("**/", "**")]
    public void Clean_follows_go(string path, string expected) => Assert.Equal(expected, GoPath.Clean(path));

    [Theory]
    [InlineData("a", ".")]
    [InlineData("a/b", "a")]
    [InlineData("a/b/c", "a/b")]
    public void Dir_is_everything_before_the_last_slash(string path, string expected) => Assert.Equal(expected, GoPath.Dir(path));
}
