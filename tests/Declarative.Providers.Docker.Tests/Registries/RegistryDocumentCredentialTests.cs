using System.Text.Json.Nodes;
using Declarative.Providers.Docker.Registries;
using Declarative.Testing;

namespace Declarative.Providers.Docker.Tests.Registries;

public sealed class RegistryDocumentCredentialTests : IDisposable
{
    private const string Secret = "s3cret-from-somewhere";

    private readonly TempDirectory _temp = new();
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public void Dispose() => _temp.Dispose();

    private RegistryDocument Registry(string spec) =>
        RegistryDocument.FromSpec("local", (JsonObject)JsonNode.Parse(spec)!, _temp.PathOf("manifests"));

    private Task<RegistryCredential?> ReadAsync(string spec) =>
        new RegistryDocumentCredentials(name => _environment.GetValueOrDefault(name)).ReadAsync(Registry(spec), CancellationToken.None);

    [Fact]
    public async Task Literal_strings_are_the_username_and_password()
    {
        var credential = await ReadAsync("""{"server":"127.0.0.1:5001","username":"tester","password":"s3cret-pass"}""");

        Assert.Equal(new RegistryCredential("tester", "s3cret-pass") { Source = "the username and password of Registry \"local\"" }, credential);
    }

    [Fact]
    public async Task FromEnv_reads_the_variable()
    {
        _environment["REG_USER"] = "ci-bot";
        _environment["REG_PASSWORD"] = Secret;

        var credential = await ReadAsync("""{"server":"ghcr.io","username":{"fromEnv":"REG_USER"},"password":{"fromEnv":"REG_PASSWORD"}}""");

        Assert.Equal("ci-bot", credential!.Username);
        Assert.Equal(Secret, credential.Password);
    }

    [Fact]
    public async Task FromFile_reads_a_file_relative_to_the_document_folder_and_trims_the_trailing_newline()
    {
        _temp.Write("secrets/registry-password", Secret + "\n");

        var credential = await ReadAsync("""{"server":"ghcr.io","username":"ci-bot","password":{"fromFile":"../secrets/registry-password"}}""");

        Assert.Equal(Secret, credential!.Password);
    }

    [Fact]
    public async Task FromFile_keeps_inner_spaces_and_trims_a_windows_line_end()
    {
        _temp.Write("manifests/password.txt", " two words \r\n");

        var credential = await ReadAsync("""{"server":"ghcr.io","username":"ci-bot","password":{"fromFile":"password.txt"}}""");

        Assert.Equal(" two words ", credential!.Password);
    }

    [Fact]
    public async Task A_Registry_without_username_and_password_gives_no_credential()
    {
        Assert.Null(await ReadAsync("""{"server":"127.0.0.1:5000"}"""));
    }

    [Fact]
    public async Task A_missing_variable_is_an_error_naming_the_Registry_the_field_and_the_variable()
    {
        _environment["REG_USER"] = "ci-bot";

        var error = await Assert.ThrowsAsync<RegistryCredentialException>(() =>
            ReadAsync("""{"server":"ghcr.io","username":{"fromEnv":"REG_USER"},"password":{"fromEnv":"REG_PASSWORD"}}"""));

        Assert.Contains("Registry \"local\" spec.password", error.Message, StringComparison.Ordinal);
        Assert.Contains("REG_PASSWORD", error.Message, StringComparison.Ordinal);
        Assert.Contains("not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_an_error_naming_the_Registry_the_field_and_the_full_path()
    {
        var error = await Assert.ThrowsAsync<RegistryCredentialException>(() =>
            ReadAsync("""{"server":"ghcr.io","username":"ci-bot","password":{"fromFile":"nope/password"}}"""));

        Assert.Contains("Registry \"local\" spec.password", error.Message, StringComparison.Ordinal);
        Assert.Contains(_temp.PathOf("manifests/nope/password"), error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_about_one_field_does_not_show_the_value_of_the_other()
    {
        _environment["REG_PASSWORD"] = Secret;

        var error = await Assert.ThrowsAsync<RegistryCredentialException>(() =>
            ReadAsync("""{"server":"ghcr.io","username":{"fromFile":"user.txt"},"password":{"fromEnv":"REG_PASSWORD"}}"""));

        Assert.Contains("spec.username", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_server_and_insecure_flag_come_from_the_spec()
    {
        var registry = Registry("""{"server":"registry.internal:5000","insecure":true}""");

        Assert.Equal("registry.internal:5000", registry.Server);
        Assert.True(registry.Insecure);
        Assert.False(registry.HasCredential);
    }
}
