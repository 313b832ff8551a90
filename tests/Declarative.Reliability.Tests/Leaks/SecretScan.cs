using System.Text;

namespace Declarative.Reliability.Tests.Leaks;

/// <summary>
/// Finds known secret values in text and files: in clear, and base64-encoded (standard and URL-safe, as Secret data
/// and JSON carry them). Each hit is "WHERE: VALUE (form)", never the surrounding text.
/// </summary>
internal sealed class SecretScan(IReadOnlyList<string> secrets)
{
    private readonly List<string> hits = [];

    public int Scanned { get; private set; }

    public IReadOnlyList<string> Hits => hits;

    public void Text(string where, string text)
    {
        Scanned++;
        foreach (var secret in secrets)
        {
            foreach (var (form, needle) in Forms(secret))
            {
                if (text.Contains(needle, StringComparison.Ordinal))
                {
                    hits.Add($"{where}: {secret} ({form})");
                }
            }
        }
    }

    /// <summary>Every file under <paramref name="folder"/>, read as bytes decoded leniently (a binary file can still
    /// hold a value in clear).</summary>
    public void Folder(string label, string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            Text($"{label}/{Path.GetRelativePath(folder, file)}", Encoding.Latin1.GetString(File.ReadAllBytes(file)));
        }
    }

    private static IEnumerable<(string Form, string Needle)> Forms(string secret)
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        yield return ("clear", secret);
        yield return ("base64", base64.TrimEnd('='));
        yield return ("base64url", base64.TrimEnd('=').Replace('+', '-').Replace('/', '_'));
    }
}
