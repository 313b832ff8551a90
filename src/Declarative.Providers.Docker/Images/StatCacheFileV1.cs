using System.Text.Json.Serialization;

namespace Declarative.Providers.Docker.Images;

/// <summary>The stat cache file, format 1: the context it describes and one line per trusted file.</summary>
internal sealed record StatCacheFileV1(string Format, string Context, IReadOnlyList<StatCacheEntryV1> Entries)
{
    public const string CurrentFormat = "declarative.dev/image-stat-cache/v1";
}

/// <summary>One file: its lstat (mode, size, mtime and ctime in ns, inode) and the SHA-256 of its content.</summary>
internal sealed record StatCacheEntryV1(string Path, uint Mode, long Size, long Mtime, long Ctime, ulong Inode, string Sha256);

/// <summary>Source-generated JSON for the stat cache: compact, camelCase.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, RespectNullableAnnotations = true)]
[JsonSerializable(typeof(StatCacheFileV1))]
internal sealed partial class StatCacheJsonContext : JsonSerializerContext;
