using System.Text.Json.Nodes;

namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// A Registry document as the provider needs it: the server, whether it is reached over plain HTTP, and the raw
/// username/password fields (each a string, <c>{fromEnv: VAR}</c> or <c>{fromFile: PATH}</c>; validated by the
/// catalog). <see cref="Folder"/> is the document's folder, against which <c>fromFile</c> paths resolve.
/// </summary>
internal sealed record RegistryDocument(string Name, string Server, bool Insecure, JsonNode? Username, JsonNode? Password, string Folder)
{
    /// <summary>Reads a validated Registry spec; <paramref name="folder"/> is the folder of the file it came from.</summary>
    public static RegistryDocument FromSpec(string name, JsonObject spec, string folder) => new(
        name,
        spec["server"]?.GetValue<string>() ?? throw new RegistryCredentialException($"Registry \"{name}\" has no spec.server; add the registry's host[:port]."),
        spec["insecure"] is JsonValue insecure && insecure.TryGetValue<bool>(out var value) && value,
        spec["username"],
        spec["password"],
        folder);

    public bool HasCredential => Username is not null || Password is not null;

    public override string ToString() => $"Registry \"{Name}\" ({Server})";
}
