using System.Globalization;

namespace Declarative.Core.Templating;

/// <summary>How a path into the template context is written: <c>values.db.host</c>, <c>values.ports[2]</c>,
/// <c>values.labels["app.kubernetes.io/name"]</c> for a key that is not a plain name.</summary>
internal static class ValuePaths
{
    public static string Member(string parent, string member) =>
        IsPlainName(member) ? $"{parent}.{member}" : $"{parent}[{TemplateText.Quote(member)}]";

    public static string Index(string parent, int index) =>
        $"{parent}[{index.ToString(CultureInfo.InvariantCulture)}]";

    private static bool IsPlainName(string member) =>
        member.Length > 0 && (char.IsLetter(member[0]) || member[0] == '_') && member.All(c => char.IsLetterOrDigit(c) || c == '_');
}
