namespace Declarative.Kubernetes.ApiServer.Schemas;

/// <summary>Where Go's base64.StdEncoding.Decode gives up on a string ("illegal base64 data at input byte N"):
/// the same walk over 4-character quanta as encoding/base64 decodeQuantum, skipping \r and \n.</summary>
internal static class GoBase64
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>The byte offset Go reports, or null when the text decodes.</summary>
    public static int? FirstError(string text)
    {
        var si = 0;
        while (true)
        {
            var (next, error, done) = Quantum(text, si);
            if (error is not null)
            {
                return error;
            }

            if (done)
            {
                return null;
            }

            si = next;
        }
    }

    private static (int Next, int? Error, bool Done) Quantum(string src, int si)
    {
        for (var j = 0; j < 4; j++)
        {
            if (si == src.Length)
            {
                return j == 0 ? (si, null, true) : (si, si - j, true);
            }

            var c = src[si];
            si++;
            if (Alphabet.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            if (c is '\n' or '\r')
            {
                j--;
                continue;
            }

            if (c != '=')
            {
                return (si, si - 1, true);
            }

            // Padding: only after two or three characters of the quantum, and "==" after two.
            switch (j)
            {
                case 0 or 1:
                    return (si, si - 1, true);
                case 2:
                    si = SkipNewlines(src, si);
                    if (si == src.Length)
                    {
                        return (si, src.Length, true);
                    }

                    if (src[si] != '=')
                    {
                        return (si, si - 1, true);
                    }

                    si++;
                    break;
            }

            si = SkipNewlines(src, si);
            return si < src.Length ? (si, si, true) : (si, null, true);
        }

        return (si, null, false);
    }

    private static int SkipNewlines(string src, int si)
    {
        while (si < src.Length && src[si] is '\n' or '\r')
        {
            si++;
        }

        return si;
    }
}
