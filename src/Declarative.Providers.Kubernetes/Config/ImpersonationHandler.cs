using System.Text;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>Adds the Impersonate-User, Impersonate-Group (one header per group), Impersonate-Uid and
/// Impersonate-Extra-KEY headers to every request, as client-go's impersonating round tripper does.</summary>
internal sealed class ImpersonationHandler(KubeImpersonation impersonation) : DelegatingHandler
{
    private const string LegalKeyCharacters = "!#$&'*+-.^_`|~";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers;
        headers.Remove("Impersonate-User");
        headers.Remove("Impersonate-Group");
        headers.Remove("Impersonate-Uid");
        headers.TryAddWithoutValidation("Impersonate-User", impersonation.User);
        foreach (var group in impersonation.Groups)
        {
            headers.TryAddWithoutValidation("Impersonate-Group", group);
        }

        if (impersonation.Uid is { } uid)
        {
            headers.TryAddWithoutValidation("Impersonate-Uid", uid);
        }

        foreach (var (key, values) in impersonation.Extra)
        {
            var name = "Impersonate-Extra-" + EscapeKey(key);
            headers.Remove(name);
            foreach (var value in values)
            {
                headers.TryAddWithoutValidation(name, value);
            }
        }

        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>An extra key as a header name: bytes that are not legal there become %XX (client-go's
    /// headerKeyEscape), which the server decodes.</summary>
    internal static string EscapeKey(string key)
    {
        var escaped = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || LegalKeyCharacters.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }
}
