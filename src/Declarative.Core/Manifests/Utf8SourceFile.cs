using System.Text;
using Declarative.Core.Diagnostics;

namespace Declarative.Core.Manifests;

/// <summary>
/// Reads a project, values, module or manifest file as strict UTF-8. File.ReadAllText replaces bytes that are not
/// UTF-8 with U+FFFD without a word, so a file saved in Latin-1 or damaged on disk was deployed with its text
/// silently changed; here it is a located DCL101 error instead.
/// </summary>
internal static class Utf8SourceFile
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text (a UTF-8 byte order mark dropped), or null and <paramref name="problem"/> when it is not
    /// UTF-8. IO errors propagate, as File.ReadAllText's do.</summary>
    public static string? Read(string path, out Diagnostic? problem)
    {
        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            problem = null;
            return Strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            problem = NotUtf8(path, bytes, start + Math.Max(e.Index, 0));
            return null;
        }
    }

    private static Diagnostic NotUtf8(string path, byte[] bytes, int offset)
    {
        var lineStart = offset == 0 ? 0 : bytes.AsSpan(0, offset).LastIndexOf((byte)'\n') + 1;
        var line = bytes.AsSpan(0, lineStart).Count((byte)'\n') + 1;
        // The column counts characters, as the YAML reader's columns do; the text before the bad byte on its line is valid.
        var column = Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart) + 1;
        return Diagnostic.Error(
            DiagnosticCodes.YamlSyntax,
            "File is not valid UTF-8",
            new SourceLocation(path, line, column),
            $"Byte 0x{bytes[offset]:X2} at line {line}, column {column} does not belong to a UTF-8 character.",
            "Save the file as UTF-8 (an editor's \"Save with encoding\"), or remove the stray bytes.");
    }
}
