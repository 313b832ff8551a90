using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Declarative.Providers.Kubernetes.State;

/// <summary>
/// The deterministic names of an environment's state objects: <c>decl.shop.dev</c> (the Lease), its revision heads
/// <c>decl.shop.dev.r000012</c>, their payload parts <c>decl.shop.dev.r000012.g2.p0</c> and journal batches
/// <c>decl.shop.dev.r000012.g2.j000003.p0</c>. A project or environment name that is not already a plain DNS label
/// (upper case, '_', '.') or a base that would be too long becomes <c>decl.&lt;slug&gt;-&lt;hash&gt;</c>: the hash of
/// the exact names keeps two environments apart (<c>My_App</c> and <c>my-app</c>, or <c>a.b</c>/<c>c</c> and
/// <c>a</c>/<c>b.c</c>), and a hashed base has one dot where a plain one has two, so the forms never meet. Names only
/// need to be unique; the labels carry the exact names and are what the store selects by.
/// </summary>
internal sealed partial class StateObjectNames
{
    /// <summary>Leaves room under the 253 characters of a Secret name for the longest suffix.</summary>
    public const int MaxBaseLength = 200;

    private const int SlugLength = 40;

    public StateObjectNames(string project, string environment)
    {
        Base = BaseOf(project, environment);
    }

    public string Base { get; }

    public string Lease => Base;

    public string Head(int revision) => $"{Base}.r{revision.ToString("D6", CultureInfo.InvariantCulture)}";

    public string Part(int revision, int generation, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{Head(revision)}.g{generation}.p{index}");

    public string JournalPart(int revision, int generation, int sequence, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{Head(revision)}.g{generation}.j{sequence:D6}.p{index}");

    public static string BaseOf(string project, string environment)
    {
        var plain = $"decl.{project}.{environment}";
        if (PlainLabel().IsMatch(project) && PlainLabel().IsMatch(environment) && plain.Length <= MaxBaseLength)
        {
            return plain;
        }

        var slug = NotNameCharacters().Replace($"{project}-{environment}".ToLowerInvariant(), "-").Trim('-');
        slug = slug.Length > SlugLength ? slug[..SlugLength].TrimEnd('-') : slug;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{project}\n{environment}")))[..12];
        return slug.Length == 0 ? $"decl.{hash}" : $"decl.{slug}-{hash}";
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainLabel();

    [GeneratedRegex("[^a-z0-9-]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotNameCharacters();
}
