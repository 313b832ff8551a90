using System.Globalization;
using System.Text;

namespace Declarative.Providers.Docker.Images;

/// <summary>
/// The canonical text that the <c>in1</c> input digest hashes. It is a sequence of lines, each ending in a
/// line feed (0x0A), encoded as UTF-8:
/// <code>
/// in1
/// dockerfile S(path) HASH
/// target S(target)
/// platform S(platform)
/// buildarg S(name) S(value)      one per build argument; "unset" instead of S(value) for a null value
/// label S(name) S(value)         one per label
/// dir S(path) MODE               one per context entry, see below
/// file S(path) MODE HASH
/// symlink S(path) S(link text)
/// end
/// </code>
/// where
/// <list type="bullet">
/// <item><c>S(x)</c> is the number of UTF-8 bytes of x in decimal, a colon, then those bytes (so any
/// character, newline included, is unambiguous); a missing target or platform is written as S("");</item>
/// <item><c>HASH</c> is the SHA-256 of the file's content in 64 lowercase hex digits;</item>
/// <item><c>MODE</c> is the permission bits (07777: rwx for owner, group, other plus setuid, setgid, sticky)
/// as exactly 4 octal digits, e.g. 0644; docker copies all of them into the image;</item>
/// <item>context entries are every path docker sends after .dockerignore (the Dockerfile and .dockerignore
/// included), each path relative to the context with '/' separators, and the entries, build arguments and
/// labels each sorted by Unicode code point of the path or name (the byte order of UTF-8);</item>
/// <item><c>dockerfile</c> names the Dockerfile relative to the context and hashes its content (through a
/// symbolic link if it is one).</item>
/// </list>
/// Not included, on purpose: modification times, owners, the absolute context path, the machine. The digest is
/// the SHA-256 of these bytes; the tag is "in1-" and its first 12 lowercase hex digits.
/// </summary>
internal sealed class InputDigestEncoding
{
    /// <summary>The format version: the first line and the tag prefix.</summary>
    public const string Version = "in1";

    private readonly StringBuilder _text = new();

    /// <summary>The canonical text for a context, its file hashes and the other inputs.</summary>
    public static string Encode(BuildContext context, string dockerfileHash, IReadOnlyDictionary<string, string> fileHashes, ImageBuildInputs inputs)
    {
        var encoding = new InputDigestEncoding();
        encoding.Line(Version);
        encoding.Word("dockerfile").String(context.Dockerfile).Word(dockerfileHash).End();
        encoding.Word("target").String(inputs.Target ?? string.Empty).End();
        encoding.Word("platform").String(inputs.Platform ?? string.Empty).End();
        foreach (var (name, value) in Sorted(inputs.BuildArgs))
        {
            encoding.Word("buildarg").String(name);
            (value is null ? encoding.Word("unset") : encoding.String(value)).End();
        }

        foreach (var (name, value) in Sorted(inputs.Labels))
        {
            encoding.Word("label").String(name).String(value).End();
        }

        foreach (var entry in context.Entries)
        {
            switch (entry.Kind)
            {
                case ContextEntryKind.Directory:
                    encoding.Word("dir").String(entry.RelativePath).Mode(entry.Permissions).End();
                    break;
                case ContextEntryKind.File:
                    encoding.Word("file").String(entry.RelativePath).Mode(entry.Permissions).Word(fileHashes[entry.RelativePath]).End();
                    break;
                case ContextEntryKind.SymbolicLink:
                    encoding.Word("symlink").String(entry.RelativePath).String(entry.LinkTarget ?? string.Empty).End();
                    break;
            }
        }

        encoding.Line("end");
        return encoding._text.ToString();
    }

    private static IEnumerable<KeyValuePair<string, T>> Sorted<T>(IReadOnlyDictionary<string, T>? map) =>
        map is null ? [] : map.OrderBy(pair => pair.Key, CodePointOrder.Instance);

    private void Line(string text) => _text.Append(text).Append('\n');

    private InputDigestEncoding Word(string word)
    {
        Separate();
        _text.Append(word);
        return this;
    }

    private InputDigestEncoding String(string value)
    {
        Separate();
        _text.Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        return this;
    }

    private InputDigestEncoding Mode(UnixFileMode permissions)
    {
        Separate();
        _text.Append(Convert.ToString((int)permissions & 0xFFF, 8).PadLeft(4, '0'));
        return this;
    }

    private void End() => _text.Append('\n');

    private void Separate()
    {
        if (_text.Length > 0 && _text[^1] != '\n')
        {
            _text.Append(' ');
        }
    }
}
