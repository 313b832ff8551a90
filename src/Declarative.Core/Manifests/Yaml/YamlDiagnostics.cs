using Declarative.Core.Diagnostics;

namespace Declarative.Core.Manifests.Yaml;

/// <summary>The DCL101 diagnostics of YAML reading that are not the parser's own syntax errors.</summary>
internal static class YamlDiagnostics
{
    public static Diagnostic TabIndentation(SourceLocation at) => Error(
        "Tab used for indentation",
        at,
        "YAML indentation must be made of spaces, and this line is indented with a tab character.",
        "Replace the tab with spaces.");

    public static Diagnostic DuplicateKey(string key, SourceLocation at, string firstAt) => Error(
        $"Duplicate key \"{key}\"",
        at,
        $"The key \"{key}\" is already defined in this mapping at {firstAt}; kubectl rejects such documents.",
        "Remove one of the two entries, or rename one of the keys.");

    public static Diagnostic UnknownAlias(string name, SourceLocation at) => Error(
        $"Unknown alias \"*{name}\"",
        at,
        $"No anchor \"&{name}\" is defined before this alias in the same document.",
        $"Define \"&{name}\" on a node above this line, or fix the alias name.");

    public static Diagnostic NullKey(SourceLocation at) => Error(
        "Mapping key is null",
        at,
        "This key reads as null (it is empty, \"~\" or \"null\"), and JSON object keys must be strings.",
        "Quote the key, for example \"null\", or give the key a name.");

    public static Diagnostic ComplexKey(SourceLocation at) => Error(
        "Mapping key is not a scalar",
        at,
        "This key is a list or a mapping, and JSON object keys must be strings.",
        "Use a plain or quoted string as the key.");

    public static Diagnostic TagMismatch(string text, string tag, SourceLocation at) => Error(
        $"Value does not match its tag {ShortTag(tag)}",
        at,
        $"The value \"{text}\" cannot be read as {ShortTag(tag)}.",
        $"Fix the value, or remove the {ShortTag(tag)} tag.");

    public static Diagnostic InvalidBinary(SourceLocation at) => Error(
        "Invalid base64 in a !!binary value",
        at,
        "kubectl decodes a value tagged !!binary as base64, and this value is not valid base64 (\"!!binary value contains invalid base64 data\").",
        "Only line breaks may appear between the base64 characters: a plain or folded (>) scalar that spans lines joins them with spaces, which base64 does not allow.",
        "Fix the base64 text, write it as a literal block (\"!!binary |\"), or remove the !!binary tag to keep the text as it is.");

    public static Diagnostic NonFinite(string text, SourceLocation at) => Error(
        "Infinity or NaN is not allowed",
        at,
        $"The value {text} reads as a floating-point {(text.Contains("nan", StringComparison.OrdinalIgnoreCase) ? "NaN" : "infinity")}, which JSON (and so kubectl) cannot represent.",
        $"Quote the value (\"{text}\") to use it as text, or write a finite number.");

    public static Diagnostic BadMerge(SourceLocation at) => Error(
        "Merge key needs a mapping",
        at,
        "The value of a \"<<\" merge key must be a mapping, an alias of a mapping, or a list of those.",
        "Point \"<<\" at a mapping, for example \"<<: *defaults\", or quote the key (\"<<\") to use it as text.");

    public static Diagnostic TooDeep(int limit, SourceLocation at) => Error(
        "Document is nested too deeply",
        at,
        $"This node is nested more than {limit} levels deep (aliases included).",
        "Flatten the document or remove the alias that nests it into itself.");

    public static Diagnostic TooLarge(int limit, SourceLocation at) => Error(
        "Document expands to too many nodes",
        at,
        $"With its aliases expanded, this document has more than {limit} nodes.",
        "Use fewer aliases of large anchored nodes.");

    public static Diagnostic Error(string summary, SourceLocation at, params string[] detail) =>
        Diagnostic.Error(DiagnosticCodes.YamlSyntax, summary, at, detail);

    private static string ShortTag(string tag) =>
        tag.StartsWith(ScalarResolver.TagPrefix, StringComparison.Ordinal) ? "!!" + tag[ScalarResolver.TagPrefix.Length..] : tag;
}
