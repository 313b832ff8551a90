using System.Text.RegularExpressions;

namespace Declarative.Kubernetes.ApiServer.Admission.Validation;

/// <summary>Object name and label syntax, with the messages of apimachinery util/validation.</summary>
internal static partial class NameRules
{
    public const string SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    public const string LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    public const string Dns1035Message = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
    private const string NamePartMessage = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    private const string LabelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    /// <summary>IsValidPortNum's message.</summary>
    public const string PortNumberMessage = "must be between 1 and 65535, inclusive";

    /// <summary>IsValidPortName: an IANA_SVC_NAME, at most 15 characters, lower case letters, digits and single
    /// inner hyphens, with at least one letter.</summary>
    public static IEnumerable<string> PortName(string value)
    {
        if (value.Length > 15)
        {
            yield return "must be no more than 15 characters";
        }

        if (!PortNameCharset().IsMatch(value))
        {
            yield return "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
        }

        if (!value.Any(c => c is >= 'a' and <= 'z'))
        {
            yield return "must contain at least one letter (a-z)";
        }

        if (value.Contains("--", StringComparison.Ordinal))
        {
            yield return "must not contain consecutive hyphens (--)";
        }

        if (value.Length > 0 && (value[0] == '-' || value[^1] == '-'))
        {
            yield return "must not begin or end with a hyphen (-)";
        }
    }

    public static IEnumerable<string> Dns1123Subdomain(string value)
    {
        if (value.Length > 253)
        {
            yield return "must be no more than 253 characters";
        }

        if (!Subdomain().IsMatch(value))
        {
            yield return SubdomainMessage;
        }
    }

    public static IEnumerable<string> Dns1123Label(string value) => Label(value, Dns1123().IsMatch(value), LabelMessage);

    public static IEnumerable<string> Dns1035Label(string value) => Label(value, Dns1035().IsMatch(value), Dns1035Message);

    /// <summary>ValidatePathSegmentName: the names of RBAC objects only avoid what breaks a URL path.</summary>
    public static IEnumerable<string> PathSegment(string value)
    {
        if (value is "." or "..")
        {
            yield return $"may not be '{value}'";
        }

        foreach (var illegal in new[] { "/", "%" })
        {
            if (value.Contains(illegal, StringComparison.Ordinal))
            {
                yield return $"may not contain '{illegal}'";
            }
        }
    }

    /// <summary>IsQualifiedName: label and annotation keys, an optional DNS subdomain prefix and a name.</summary>
    public static IEnumerable<string> QualifiedName(string value)
    {
        var parts = value.Split('/');
        if (parts.Length > 2)
        {
            return [$"a qualified name {NamePartMessage} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
        }

        var errors = new List<string>();
        if (parts.Length == 2)
        {
            errors.AddRange(parts[0].Length == 0 ? ["prefix part must be non-empty"] : Dns1123Subdomain(parts[0]).Select(m => "prefix part " + m));
        }

        var name = parts[^1];
        if (name.Length == 0)
        {
            errors.Add("name part must be non-empty");
        }
        else if (name.Length > 63)
        {
            errors.Add("name part must be no more than 63 characters");
        }

        if (name.Length > 0 && !QualifiedPart().IsMatch(name))
        {
            errors.Add("name part " + NamePartMessage);
        }

        return errors;
    }

    public static IEnumerable<string> LabelValue(string value)
    {
        if (value.Length > 63)
        {
            yield return "must be no more than 63 characters";
        }

        if (!LabelValuePattern().IsMatch(value))
        {
            yield return LabelValueMessage;
        }
    }

    private static IEnumerable<string> Label(string value, bool matches, string message)
    {
        if (value.Length > 63)
        {
            yield return "must be no more than 63 characters";
        }

        if (!matches)
        {
            yield return message;
        }
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\z")]
    private static partial Regex Dns1123();

    [GeneratedRegex("^[-a-z0-9]+\\z")]
    private static partial Regex PortNameCharset();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?\\z")]
    private static partial Regex Dns1035();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\\z")]
    private static partial Regex QualifiedPart();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\\z")]
    private static partial Regex LabelValuePattern();
}
