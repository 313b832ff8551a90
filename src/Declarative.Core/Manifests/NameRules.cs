using System.Text.RegularExpressions;

namespace Declarative.Core.Manifests;

/// <summary>Project and environment names end up in label values, so they follow the label-value rules.</summary>
public static partial class NameRules
{
    public const int MaxLength = 63;

    /// <summary>A label value without its length limit (<see cref="MaxLength"/>); also in the JSON Schemas.</summary>
    public const string LabelValuePattern = "[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?";

    public static bool IsValidName(string name) => name.Length is > 0 and <= MaxLength && LabelValue().IsMatch(name);

    public static string Explain(string what, string name) =>
        $"The {what} name \"{name}\" is not a valid label value: it must be 1 to {MaxLength} characters, letters, digits, '-', '_' or '.', starting and ending with a letter or digit.";

    /// <summary>The name of an implicit project: the folder's name made a valid label value.</summary>
    public static string Sanitize(string folderName)
    {
        var replaced = InvalidCharacters().Replace(folderName.ToLowerInvariant(), "-");
        var trimmed = replaced.Trim('-', '_', '.');
        if (trimmed.Length > MaxLength)
        {
            trimmed = trimmed[..MaxLength].TrimEnd('-', '_', '.');
        }

        return trimmed.Length == 0 ? "project" : trimmed;
    }

    [GeneratedRegex("^" + LabelValuePattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValue();

    [GeneratedRegex("[^a-z0-9_.-]+", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidCharacters();
}
