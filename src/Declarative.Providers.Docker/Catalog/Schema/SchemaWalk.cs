using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Providers.Docker.Catalog.Schema;

/// <summary>
/// One validation of one document: shapes report what they find here and it turns each finding into a
/// located diagnostic (unknown keys at the key, missing fields at their parent, bad values at the value).
/// </summary>
internal sealed class SchemaWalk(RenderedDocument document, string kind)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public string Kind { get; } = kind;

    /// <summary>"A Container", "An Image".</summary>
    public string AKind => "AEIOU".Contains(Kind.FirstOrDefault(), StringComparison.Ordinal) ? $"An {Kind}" : $"A {Kind}";

    public DocumentSource Source => document.Source;

    public void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public string PathOf(string pointer) => FieldPath.FromPointer(document.Content, pointer);

    public void WrongType(string pointer, Shape expected, JsonNode? found)
    {
        var path = PathOf(pointer);
        var quoteIt = expected is ScalarShape { Type: ScalarType.String } && JsonKinds.Text(found) is not null;
        Add(Diagnostic.Error(
            DiagnosticCodes.WrongType,
            $"Wrong type for {path}",
            Source.Locate(pointer),
            $"{path} must be {expected.Description}, found {JsonKinds.Describe(found)}.",
            quoteIt
                ? "Write the value in quotes: YAML reads unquoted values such as no, on, 8080 or 8080:80 as booleans or numbers."
                : $"Change {path} to {expected.Description}."));
    }

    public void CheckValue(string pointer, ValueRule rule, string text, JsonNode node)
    {
        if (rule.FindProblem(text) is { } problem)
        {
            InvalidValue(pointer, rule.What, rule.Syntax, JsonKinds.Show(node), problem);
        }
    }

    public void CheckList(string pointer, ListRule rule, IReadOnlyList<string> items, JsonNode node)
    {
        if (rule.FindProblem(items) is { } problem)
        {
            InvalidValue(pointer, rule.What, rule.Syntax, node.ToJsonString(), problem);
        }
    }

    public void CheckKey(string pointer, ValueRule rule, string key)
    {
        if (rule.FindProblem(key) is not { } problem)
        {
            return;
        }

        var parent = PathOf(pointer[..pointer.LastIndexOf('/')]);
        Add(Diagnostic.Error(
            DiagnosticCodes.InvalidValue,
            $"Invalid {rule.What} in {parent}",
            Source.LocateKey(pointer),
            $"The key \"{key}\" in {parent} is not valid: {problem}.",
            $"Rename the key; write it as {rule.Syntax}."));
    }

    public void UnknownField(string pointer, IReadOnlyList<string> known, string? hint)
    {
        var slash = pointer.LastIndexOf('/');
        var name = JsonPointer.Unescape(pointer[(slash + 1)..]);
        var parent = PathOf(pointer[..slash]);
        var what = parent.Length == 0 ? $"{AKind} document has no top-level field \"{name}\"." : $"{Kind} {parent} has no field \"{name}\".";
        var fix = hint
            ?? (Suggestions.Closest(name, known) is { } suggestion
                ? $"Did you mean \"{suggestion}\"? Rename the field to {suggestion}, or remove it."
                : $"The fields here are {string.Join(", ", known)}. Remove the field, or rename it to one of those.");
        Add(Diagnostic.Error(DiagnosticCodes.UnknownField, $"Unknown field {PathOf(pointer)}", Source.LocateKey(pointer), what, fix));
    }

    public void MissingField(string parentPointer, FieldSpec field)
    {
        var path = PathOf(JsonPointer.Append(parentPointer, field.Name));
        Add(Diagnostic.Error(
            DiagnosticCodes.MissingField,
            $"Missing field {path}",
            Source.Locate(parentPointer),
            $"{AKind} needs {path}, {field.Shape.Description}.",
            $"Add {path}."));
    }

    public void MissingCompanion(string parentPointer, string field, string needed)
    {
        var fieldPointer = JsonPointer.Append(parentPointer, field);
        var fieldPath = PathOf(fieldPointer);
        var neededPath = PathOf(JsonPointer.Append(parentPointer, needed));
        Add(Diagnostic.Error(
            DiagnosticCodes.MissingField,
            $"Missing field {neededPath}",
            Source.LocateKey(fieldPointer),
            $"{fieldPath} is set, and it works only together with {neededPath}.",
            $"Add {neededPath}, or remove {fieldPath}."));
    }

    public void NotExactlyOne(string pointer, IReadOnlyList<string> names, IReadOnlyList<string> present)
    {
        var path = PathOf(pointer);
        Add(present.Count == 0
            ? Diagnostic.Error(
                DiagnosticCodes.MissingField,
                $"Missing field in {path}",
                Source.Locate(pointer),
                $"{path} must have one of {string.Join(" or ", names)}.",
                $"Add one of {string.Join(" or ", names)} to {path}.")
            : Diagnostic.Error(
                DiagnosticCodes.InvalidValue,
                $"Conflicting fields in {path}",
                Source.Locate(pointer),
                $"{path} has {string.Join(" and ", present)}, but only one of them may be set.",
                "Keep one of them and remove the others."));
    }

    private void InvalidValue(string pointer, string what, string syntax, string shown, string problem)
    {
        var path = PathOf(pointer);
        Add(Diagnostic.Error(
            DiagnosticCodes.InvalidValue,
            $"Invalid {what} in {path}",
            Source.Locate(pointer),
            $"{path} is {shown}: {problem}.",
            $"Write {path} as {syntax}."));
    }
}
