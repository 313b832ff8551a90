namespace Declarative.Providers.Docker.Images;

/// <summary>
/// Orders strings by Unicode code point, which is the byte order of their UTF-8 encoding: the order the
/// digest encoding specifies, so that it can be reproduced in any language. Plain ordinal UTF-16 order
/// differs only for characters beyond U+FFFF against U+E000..U+FFFF.
/// </summary>
internal sealed class CodePointOrder : IComparer<string>
{
    public static CodePointOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return Rank(x[i]).CompareTo(Rank(y[i]));
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    // Surrogates (code points above U+FFFF) must sort after U+E000..U+FFFF.
    private static int Rank(char c) => c >= 0xE000 ? c - 0x800 : c >= 0xD800 ? c + 0x2000 : c;
}
