using System.Globalization;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>RFC 6901 JSON pointers: "" is the whole document, "/a~1b/~0c" names the member "a/b" then "~c".</summary>
internal static class JsonPointer
{
    public static IReadOnlyList<string> Parse(string pointer, string operation)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new JsonPatchException($"{operation} operation does not apply: path \"{pointer}\" is not a JSON pointer (it must be empty or start with '/')");
        }

        return [.. pointer[1..].Split('/').Select(Unescape)];
    }

    /// <summary>An array index of a pointer: digits without leading zeros; "-" (one past the end) only when allowed.</summary>
    public static int? ArrayIndex(string token, int count, bool allowEnd)
    {
        if (allowEnd && token == "-")
        {
            return count;
        }

        var isDigits = token.Length > 0 && token.All(char.IsAsciiDigit) && (token.Length == 1 || token[0] != '0');
        if (!isDigits || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return null;
        }

        var limit = allowEnd ? count : count - 1;
        return index <= limit ? index : null;
    }

    private static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
