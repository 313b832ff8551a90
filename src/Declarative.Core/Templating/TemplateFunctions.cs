using System.Collections.Frozen;
using Scriban.Functions;
using Scriban.Runtime;

namespace Declarative.Core.Templating;

/// <summary>
/// Everything a template can call, and nothing more: our functions (DESIGN "Values and templating") and a reviewed
/// part of Scriban's <c>string</c> and <c>math</c> built-ins. Left out on purpose: date, timespan and object (time,
/// and <c>object.eval</c>), include (file access), regex (unbounded matching cost), html and array (not needed for
/// manifests), and the string and math functions that hash with keys or are not deterministic (hmac_*, md5, sha1,
/// math.random, math.uuid): a template renders the same way every run, or every plan would show changes.
/// </summary>
internal static class TemplateFunctions
{
    public static readonly IReadOnlyList<string> FunctionNames =
        ["default", "required", "toYaml", "indent", "nindent", "b64enc", "quote", "envVar"];

    private static readonly string[] StringFunctionNames =
    [
        "append", "base64_decode", "base64_encode", "capitalize", "capitalizewords", "contains", "downcase", "empty",
        "ends_with", "equals_ignore_case", "escape", "handleize", "index_of", "literal", "lstrip", "pad_left",
        "pad_right", "prepend", "remove", "remove_first", "remove_last", "replace", "replace_first", "rstrip",
        "sha256", "sha512", "size", "slice", "slice1", "split", "starts_with", "strip", "strip_newlines", "to_double",
        "to_int", "to_long", "truncate", "truncatewords", "upcase", "whitespace",
    ];

    private static readonly string[] MathFunctionNames =
        ["abs", "ceil", "divided_by", "floor", "format", "is_number", "minus", "modulo", "plus", "round", "times"];

    /// <summary>Name to function, or to a read-only group of functions (<c>string</c>, <c>math</c>).</summary>
    public static readonly FrozenDictionary<string, object> All = Create();

    public static string Describe() =>
        $"{string.Join(", ", FunctionNames)}, and string.* and math.* (docs/templating.md lists them)";

    private static FrozenDictionary<string, object> Create()
    {
        TemplateFunction[] ours =
        [
            new("default", "`default VALUE FALLBACK` or `VALUE | default FALLBACK`", ValueFunctions.Default),
            new("required", "`required VALUE \"message\"` or `VALUE | required \"message\"`", ValueFunctions.Required),
            new("envVar", "`envVar \"NAME\"` or `envVar \"NAME\" \"fallback\"`", ValueFunctions.EnvironmentVariable),
            new("toYaml", "`toYaml VALUE` or `VALUE | toYaml`", TextFunctions.ToYaml),
            new("indent", "`indent N TEXT` or `TEXT | indent N`", TextFunctions.Indent),
            new("nindent", "`nindent N TEXT` or `TEXT | nindent N`", TextFunctions.NewlineIndent),
            new("b64enc", "`b64enc TEXT` or `TEXT | b64enc`", TextFunctions.Base64Encode),
            new("quote", "`quote VALUE` or `VALUE | quote`", TextFunctions.Quote),
        ];
        var all = ours.ToDictionary(f => f.Name, f => (object)f, StringComparer.Ordinal);
        all["string"] = Group("string", new StringFunctions(), StringFunctionNames);
        all["math"] = Group("math", new MathFunctions(), MathFunctionNames);
        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static ValueMap Group(string name, ScriptObject source, string[] names)
    {
        var group = new ValueMap(name, names.Length);
        foreach (var member in names)
        {
            group.SetValue(member, source[member] ?? throw new InvalidOperationException($"Scriban has no {name}.{member}."), readOnly: true);
        }

        group.IsReadOnly = true;
        return group;
    }
}
