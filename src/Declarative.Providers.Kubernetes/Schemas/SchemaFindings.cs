using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Schemas;

/// <summary>
/// Words and locates what a <see cref="SchemaWalk"/> finds: unknown fields at their key, missing fields at their
/// parent, wrong and invalid values at the value. Keeps the first <see cref="Limit"/> of a document and counts
/// the rest, so a document written for another kind does not bury the output.
/// </summary>
internal sealed class SchemaFindings(RenderedDocument document, string kind, bool customResource)
{
    public const int Limit = 20;

    private readonly List<Diagnostic> _kept = [];
    private int _omitted;

    /// <summary>What was found, with a last "and N more" when some were left out.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _omitted == 0
        ? _kept
        : [.. _kept, Diagnostic.Error(
            _kept[^1].Code,
            $"{_omitted} more schema error{(_omitted == 1 ? string.Empty : "s")} in this {kind}",
            document.Source.Locate(string.Empty),
            $"Only the first {Limit} schema errors of a document are listed, and this {kind} has {Limit + _omitted}.",
            "Fix the errors above and validate again; if most fields are unknown, check that apiVersion and kind are those the manifest was written for.")];

    public void UnknownField(string pointer, ObjectShape parent)
    {
        var slash = pointer.LastIndexOf('/');
        var name = JsonPointer.Unescape(pointer[(slash + 1)..]);
        var parentPath = PathOf(pointer[..slash]);
        var what = parentPath.Length == 0
            ? $"{AKind} has no top-level field \"{name}\"."
            : $"{kind} {parentPath} has no field \"{name}\".";
        string[] prune = customResource
            ? ["The API server drops unknown fields of a custom resource silently (or refuses the object under kubectl's strict field validation): the value would never reach the controller."]
            : [$"The Kubernetes API server refuses the object: strict decoding error: unknown field \"{PathOf(pointer)}\"."];
        var fix = Suggestions.Closest(name, parent.FieldNames) is { } suggestion
            ? $"Did you mean {suggestion}? Rename the field to {suggestion}, or remove it."
            : parent.FieldNames.Count <= 12
                ? $"The fields here are {string.Join(", ", parent.FieldNames)}. Remove the field, or rename it to one of those."
                : $"Remove the field, or rename it to one of the {parent.FieldNames.Count} fields of {parent.Name}{Explain(pointer[..slash])}.";
        Add(Diagnostic.Error(DiagnosticCodes.UnknownField, $"Unknown field {PathOf(pointer)}", document.Source.LocateKey(pointer), [what, .. prune, fix]));
    }

    public void MissingField(string parentPointer, string field, ObjectShape parent)
    {
        var path = PathOf(JsonPointer.Append(parentPointer, field));
        var where = parentPointer.Length == 0 ? $"{AKind}" : PathOf(parentPointer);
        Add(Diagnostic.Error(
            DiagnosticCodes.MissingField,
            $"Missing field {path}",
            document.Source.Locate(parentPointer),
            $"{where} has no {field}, and Kubernetes requires it: the API server refuses the object (Required value).",
            $"Add {path}{FieldHint(parent, field)}."));
    }

    public void WrongType(string pointer, SchemaShape expected, JsonNode found)
    {
        var path = PathOf(pointer);
        var fix = expected switch
        {
            ScalarShape { Kind: ScalarKind.String or ScalarKind.IntOrString or ScalarKind.Quantity or ScalarKind.DateTime } when found is JsonValue =>
                "Write the value in quotes: YAML reads unquoted values such as yes, on, 8080 or 1.10 as booleans or numbers.",
            ListShape when found is JsonObject => $"Write each item of {path} on its own line starting with \"- \".",
            ScalarShape { Kind: ScalarKind.Integer or ScalarKind.Number or ScalarKind.Boolean } when found.GetValueKind() == JsonValueKind.String =>
                $"Remove the quotes around the value, and write {path} as {expected.Description}.",
            _ => $"Change {path} to {expected.Description}.",
        };
        Add(Diagnostic.Error(
            DiagnosticCodes.WrongType,
            $"Wrong type for {path}",
            document.Source.Locate(pointer),
            $"{path} must be {expected.Description}, found {Describe(found)}.",
            fix));
    }

    public void InvalidValue(string pointer, JsonNode value, ValueRules rules, string problem)
    {
        var path = PathOf(pointer);
        var shown = value is JsonValue ? value.ToJsonString() : Describe(value);
        string fix;
        if (rules.Enum.IsDefaultOrEmpty)
        {
            fix = $"Change {path} to a value the schema allows.";
        }
        else
        {
            var values = rules.Enum.Select(Unquoted).ToList();
            var suggestion = ScalarChecks.Text(value) is { } text ? Suggestions.Closest(text, values) : null;
            fix = suggestion is null
                ? $"Write one of {string.Join(", ", values)}."
                : $"Did you mean {suggestion}? Write one of {string.Join(", ", values)} (enum values are case-sensitive).";
        }

        Add(Diagnostic.Error(DiagnosticCodes.InvalidValue, $"Invalid value for {path}", document.Source.Locate(pointer), $"{path} is {shown}: {problem}.", fix));
    }

    // The value is never shown: base64 fields hold Secret data.
    public void NotBase64(string pointer, int position)
    {
        var path = PathOf(pointer);
        Add(Diagnostic.Error(
            DiagnosticCodes.InvalidValue,
            $"Invalid base64 in {path}",
            document.Source.Locate(pointer),
            string.Create(CultureInfo.InvariantCulture, $"{path} is not base64 (the API server stops at byte {position}: \"illegal base64 data at input byte {position}\"); the value must be base64-encoded."),
            "Encode the value with base64 (printf %s 'value' | base64), or move it to stringData, which takes plain text."));
    }

    public void NotQuantity(string pointer, string text)
    {
        var path = PathOf(pointer);
        Add(Diagnostic.Error(
            DiagnosticCodes.InvalidValue,
            $"Invalid quantity in {path}",
            document.Source.Locate(pointer),
            $"{path} is \"{text}\", which is not a Kubernetes quantity: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'.",
            "Write a number with an optional suffix, such as 500m, 2, 0.5, 128Mi or 1Gi."));
    }

    private string AKind => "AEIOU".Contains(kind[0], StringComparison.Ordinal) ? $"An {kind}" : $"A {kind}";

    private string PathOf(string pointer) => FieldPath.FromPointer(document.Content, pointer);

    private void Add(Diagnostic diagnostic)
    {
        if (_kept.Count < Limit)
        {
            _kept.Add(diagnostic);
        }
        else
        {
            _omitted++;
        }
    }

    // "kubectl explain" takes field names without list indexes: deployment.spec.template.spec.
    private string Explain(string parentPointer)
    {
        if (customResource)
        {
            return string.Empty;
        }

        var fields = JsonPointer.Segments(parentPointer).Where(s => !s.All(char.IsAsciiDigit));
        return $" (kubectl explain {string.Join(".", [kind.ToLowerInvariant(), .. fields])})";
    }

    private static string FieldHint(ObjectShape parent, string field) =>
        parent.Fields.TryGetValue(field, out var shape) && shape.Value is ScalarShape or ListShape ? $", {shape.Value.Description}" : string.Empty;

    private static string Unquoted(string json) => json.Length >= 2 && json[0] == '"' ? json[1..^1] : json;

    private static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "a map",
        JsonValueKind.Array => "a list",
        JsonValueKind.Number => $"the number {node.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {node.ToJsonString()}",
        JsonValueKind.String => "a string",
        _ => "a value of another type",
    };
}
