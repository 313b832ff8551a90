using Declarative.Core.State;
using Declarative.Testing;

namespace Declarative.Core.Tests.State;

public sealed class StateKeyTests : IDisposable
{
    private static readonly Dictionary<string, string> NoVariables = [];

    private readonly TempDirectory home = new();

    [Fact]
    public void Reads_the_key_from_DECLARATIVE_STATE_KEY()
    {
        var bytes = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        var key = StateKey.Load(new Dictionary<string, string> { ["DECLARATIVE_STATE_KEY"] = Convert.ToBase64String(bytes) }, home.Root, create: true);

        Assert.Equal(bytes, key!.Bytes.ToArray());
        Assert.False(File.Exists(StateKey.FilePath(home.Root)));
    }

    [Theory]
    [InlineData("not base64!", "is not valid base64")]
    [InlineData("AAECAw==", "holds 4 bytes instead of 32")]
    public void Refuses_an_invalid_DECLARATIVE_STATE_KEY(string value, string problem)
    {
        var error = Assert.Throws<StateKeyException>(() =>
            StateKey.Load(new Dictionary<string, string> { ["DECLARATIVE_STATE_KEY"] = value }, home.Root, create: true));

        Assert.Equal("State key is invalid", error.Summary);
        Assert.Equal($"The state key from DECLARATIVE_STATE_KEY {problem}.", error.Details[0]);
        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Has_no_key_when_none_exists_and_none_may_be_created()
    {
        Assert.Null(StateKey.Load(NoVariables, home.Root, create: false));
        Assert.False(Directory.Exists(Path.Combine(home.Root, ".config")));
    }

    [Fact]
    public void Creates_a_private_key_file_on_first_use_and_reads_it_afterwards()
    {
        var created = StateKey.Load(NoVariables, home.Root, create: true);
        var read = StateKey.Load(NoVariables, home.Root, create: false);

        Assert.Equal(32, created!.Bytes.Length);
        Assert.Equal(created.Bytes.ToArray(), read!.Bytes.ToArray());
        Assert.Equal(created.ToBase64(), File.ReadAllText(StateKey.FilePath(home.Root)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StateKey.FilePath(home.Root)));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(home.Root, ".config", "declarative")));
        }
    }

    [Fact]
    public void Prefers_DECLARATIVE_STATE_KEY_over_the_key_file()
    {
        var fileKey = StateKey.Load(NoVariables, home.Root, create: true)!;
        var variableKey = StateKey.Generate();

        var key = StateKey.Load(new Dictionary<string, string> { ["DECLARATIVE_STATE_KEY"] = variableKey.ToBase64() }, home.Root, create: true);

        Assert.Equal(variableKey.Bytes.ToArray(), key!.Bytes.ToArray());
        Assert.NotEqual(fileKey.Bytes.ToArray(), key.Bytes.ToArray());
    }

    [Fact]
    public void Reports_a_damaged_key_file_by_its_path()
    {
        var path = StateKey.FilePath(home.Root);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "c2hvcnQ=");

        var error = Assert.Throws<StateKeyException>(() => StateKey.Load(NoVariables, home.Root, create: true));

        Assert.Contains(path, error.Details[0], StringComparison.Ordinal);
    }

    public void Dispose() => home.Dispose();
}
