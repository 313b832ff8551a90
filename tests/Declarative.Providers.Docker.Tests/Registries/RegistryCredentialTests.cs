using Declarative.Providers.Docker.Registries;

namespace Declarative.Providers.Docker.Tests.Registries;

public sealed class RegistryCredentialTests
{
    private const string Password = "p4ss-that-must-not-leak";

    [Fact]
    public void ToString_shows_the_username_but_never_the_password_or_identity_token()
    {
        var withPassword = new RegistryCredential("tester", Password).ToString();
        var withToken = RegistryCredential.FromIdentityToken("tester", "refresh-" + Password, "docker config").ToString();

        Assert.Contains("tester", withPassword, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, withPassword, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, withToken, StringComparison.Ordinal);
        Assert.Contains("***", withToken, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credential_inside_another_record_stays_masked()
    {
        var key = new TokenKey("http://127.0.0.1:5001", "repository:app:pull", new RegistryCredential("tester", Password));

        Assert.DoesNotContain(Password, key.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_credential_is_reported_with_the_registry_the_user_and_what_to_check_but_not_the_password()
    {
        var credential = new RegistryCredential("tester", Password) { Source = "the username and password of Registry \"local\"" };

        var error = RegistryAuthException.Refused("127.0.0.1:5001", credential);

        Assert.Equal("authentication to 127.0.0.1:5001 failed for tester: check the username and password of Registry \"local\"", error.Message);
        Assert.Equal("tester", error.Username);
        Assert.DoesNotContain(Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_push_AuthConfig_carries_the_credential_and_the_server_as_docker_login_writes_it()
    {
        var config = RegistryAuthConfigs.ForPush("127.0.0.1:5001", new RegistryCredential("tester", Password));
        var hub = RegistryAuthConfigs.ForPush("docker.io", new RegistryCredential("someone", Password));

        Assert.Equal(("tester", Password, "127.0.0.1:5001"), (config.Username, config.Password, config.ServerAddress));
        Assert.Equal("https://index.docker.io/v1/", hub.ServerAddress);
    }

    [Fact]
    public void The_push_AuthConfig_of_an_identity_token_sends_the_token_instead_of_a_password()
    {
        var config = RegistryAuthConfigs.ForPush("ghcr.io", RegistryCredential.FromIdentityToken("", "refresh-token", "docker config"));

        Assert.Equal("refresh-token", config.IdentityToken);
        Assert.Null(config.Password);
    }

    [Fact]
    public void An_anonymous_push_gets_an_empty_AuthConfig()
    {
        var config = RegistryAuthConfigs.ForPush("127.0.0.1:5000", null);

        Assert.Null(config.Username);
        Assert.Null(config.ServerAddress);
    }
}
