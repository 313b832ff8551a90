using System.Security.Cryptography;
using System.Text;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Discovery;

/// <summary>As the API server computes it: base64 of the first 8 bytes of sha256("group/version/kind") of the
/// storage version (here the group's preferred version), so every served version of a resource shares it.</summary>
public static class StorageVersionHash
{
    public static string Of(ResourceRegistry registry, ApiResource resource)
    {
        var storageVersion = registry.Groups().FirstOrDefault(g => g.Group == resource.Group).Versions.FirstOrDefault() ?? resource.Version;
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{resource.Group}/{storageVersion}/{resource.Kind}"));
        return Convert.ToBase64String(digest, 0, 8);
    }
}
