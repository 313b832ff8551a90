using Declarative.Core.Diagnostics;
using YamlDotNet.Core;

namespace Declarative.Core.Manifests.Yaml;

/// <summary>Rewrites YamlDotNet's parser errors as diagnostics a user understands, at the right place.</summary>
internal static class SyntaxErrorTranslator
{
    public static Diagnostic Translate(YamlException error, SourceText text, PositionMapper mapper)
    {
        var message = error.Message;
        var at = new SourcePosition((int)error.Start.Line, (int)error.Start.Column);
        if (Mentions(message, "tab"))
        {
            var tab = text.FirstTabIndentedLine(at.Line) ?? text.FirstTabIndentedLine(1) ?? at;
            return YamlDiagnostics.TabIndentation(mapper.Locate(tab));
        }

        var location = mapper.Locate(at);
        if (Mentions(message, "cannot start any token"))
        {
            return text.CharAt(at) == '\t' ? YamlDiagnostics.TabIndentation(location) : ReservedCharacter(text.CharAt(at), location);
        }

        return Describe(message, location);
    }

    /// <summary>YamlDotNet fails this way (not with a <see cref="YamlException"/>) on some malformed input.</summary>
    public static Diagnostic Unexpected(Exception error, SourceLocation near) => YamlDiagnostics.Error(
        "Invalid YAML",
        near,
        $"The YAML parser could not make sense of the text at or after this position ({error.Message}).",
        "Check the YAML syntax from this position on.");

    private static Diagnostic Describe(string message, SourceLocation at) => message switch
    {
        _ when Mentions(message, "quoted scalar") => YamlDiagnostics.Error(
            "Quoted string is not closed",
            at,
            "The quoted string that starts here has no closing quote, so it runs into the lines below.",
            "Add the closing quote (inside the string, write '' for a ' in single quotes and \\\" for a \" in double quotes)."),
        _ when Mentions(message, "found invalid mapping") => YamlDiagnostics.Error(
            "Key and value not allowed here",
            at,
            "A \"key: value\" pair cannot follow a plain value on the same line, nor on a line indented under it.",
            "Quote the value if it contains \": \", or indent this line like the other keys of its mapping."),
        _ when Mentions(message, "did not find expected key") => YamlDiagnostics.Error(
            "Line does not fit the mapping around it",
            at,
            "A new \"key: value\" entry was expected here, aligned with the other keys of the mapping.",
            "Check the indentation of this line, and that every key is followed by \": \"."),
        _ when Mentions(message, "expected '-' indicator") => YamlDiagnostics.Error(
            "Expected a list item",
            at,
            "This line is aligned with the items of a list but does not start with \"- \".",
            "Start the line with \"- \", or indent it under the list item it belongs to."),
        _ when Mentions(message, "sequence entries are not allowed") => YamlDiagnostics.Error(
            "List item not allowed here",
            at,
            "A \"- \" list item cannot start on the same line as its key, nor follow a value.",
            "Start the list on the next line, indented under its key, or quote a value that starts with \"- \"."),
        _ when Mentions(message, "expected ',' or ']'") => YamlDiagnostics.Error(
            "Flow list is not closed",
            at,
            "A [ ] list must separate its items with commas and end with ].",
            "Add the missing comma or the closing ]."),
        _ when Mentions(message, "expected ',' or '}'") => YamlDiagnostics.Error(
            "Flow mapping is not closed",
            at,
            "A { } mapping must separate its entries with commas and end with }.",
            "Add the missing comma or the closing }."),
        _ when Mentions(message, "expected node content") => YamlDiagnostics.Error(
            "Expected a value",
            at,
            "A value was expected here, but the text here cannot start one.",
            "Write the missing value, or remove the stray character."),
        _ when Mentions(message, "expected <document start>") => YamlDiagnostics.Error(
            "Unexpected text after the document",
            at,
            "The document ended before this text, which is indented less than the node it seems to belong to.",
            "Fix the indentation of this line, or separate documents with a \"---\" line."),
        _ => YamlDiagnostics.Error(
            "Invalid YAML",
            at,
            $"The YAML parser reported: {message}",
            "Fix the YAML syntax at this position."),
    };

    private static Diagnostic ReservedCharacter(char? character, SourceLocation at) => YamlDiagnostics.Error(
        character is { } c ? $"Value cannot start with '{c}'" : "Unexpected character",
        at,
        "The characters @ and ` are reserved in YAML and cannot start an unquoted value.",
        "Put the value in quotes.");

    private static bool Mentions(string message, string words) => message.Contains(words, StringComparison.OrdinalIgnoreCase);
}
