using System.Collections.Immutable;
using System.Text;

namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// One <c>WWW-Authenticate</c> challenge: its scheme and parameters (<c>Bearer realm="...",service="...",scope="..."</c>).
/// Parsed by hand because a scope such as <c>repository:app:pull,push</c> holds commas inside quotes.
/// </summary>
internal sealed record AuthChallenge(string Scheme, ImmutableDictionary<string, string> Parameters)
{
    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public string? this[string name] => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>The challenge to answer among a 401's headers: Bearer before Basic (as the docker CLI prefers); null
    /// when there is neither.</summary>
    public static AuthChallenge? Choose(IEnumerable<string> headerValues)
    {
        var challenges = headerValues.Select(Parse).OfType<AuthChallenge>().ToList();
        return challenges.FirstOrDefault(c => c.IsBearer) ?? challenges.FirstOrDefault(c => c.IsBasic);
    }

    public static AuthChallenge? Parse(string header)
    {
        var text = header.Trim();
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? text : text[..space];
        if (scheme.Length == 0)
        {
            return null;
        }

        var parameters = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = space < 0 ? text.Length : space + 1;
        while (position < text.Length)
        {
            while (position < text.Length && (text[position] == ',' || char.IsWhiteSpace(text[position])))
            {
                position++;
            }

            var equals = text.IndexOf('=', position);
            if (equals < 0)
            {
                break;
            }

            var name = text[position..equals].Trim();
            (var value, position) = ReadValue(text, equals + 1);
            parameters[name] = value;
        }

        return new AuthChallenge(scheme, parameters.ToImmutable());
    }

    private static (string Value, int Next) ReadValue(string text, int start)
    {
        if (start < text.Length && text[start] == '"')
        {
            var value = new StringBuilder();
            var i = start + 1;
            for (; i < text.Length && text[i] != '"'; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    i++;
                }

                value.Append(text[i]);
            }

            return (value.ToString(), i + 1);
        }

        var comma = text.IndexOf(',', start);
        var end = comma < 0 ? text.Length : comma;
        return (text[start..end].Trim(), end);
    }
}
