using System.Text;

namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// A username and password for one registry, or the identity token that <c>docker login</c> stored in place of a
/// password. <see cref="Source"/> says in words where it came from, so an error can tell the user what to fix.
/// The secret parts never appear in <see cref="object.ToString"/>, and nothing in this folder puts them in a message.
/// </summary>
public sealed record RegistryCredential(string Username, string Password)
{
    public const string DefaultSource = "the Registry's username and password";

    /// <summary>An OAuth2 refresh token (config.json <c>identitytoken</c>, or a helper answering Username
    /// <c>&lt;token&gt;</c>); when set, <see cref="Password"/> is empty and token servers get a refresh_token grant.</summary>
    public string? IdentityToken { get; init; }

    /// <summary>What to check when the registry refuses this credential, e.g. "the username and password of Registry \"local\"".</summary>
    public string Source { get; init; } = DefaultSource;

    /// <summary>The name to show in messages: the username, or "an identity token" when there is none.</summary>
    public string DisplayName => Username.Length > 0 ? Username : "an identity token";

    public static RegistryCredential FromIdentityToken(string username, string identityToken, string source) =>
        new(username, string.Empty) { IdentityToken = identityToken, Source = source };

    public override string ToString()
    {
        var builder = new StringBuilder("RegistryCredential { ");
        PrintMembers(builder);
        return builder.Append(" }").ToString();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Username = ").Append(Username)
            .Append(", Password = ").Append(Password.Length == 0 ? "(none)" : "***")
            .Append(", IdentityToken = ").Append(IdentityToken is null ? "(none)" : "***")
            .Append(", Source = ").Append(Source);
        return true;
    }
}
