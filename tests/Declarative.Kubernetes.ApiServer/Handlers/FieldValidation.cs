using System.Text;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Schemas;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>The fieldValidation directive of a write (apiserver handlers/rest.go: Warn when absent, since 1.27).</summary>
internal enum FieldValidationDirective
{
    Ignore,
    Warn,
    Strict,
}

/// <summary>
/// The decoding step of create, update and patch for fields the kind does not declare and fields given twice
/// (reference 3.7; apiserver endpoints/handlers create.go, update.go, patch.go): they are never stored;
/// Strict answers 400 with every one of them, Warn adds a <c>Warning: 299 - "unknown field \"spec.x\""</c>
/// header per field (apiserver warning.AddWarning), Ignore drops them silently. A value of the wrong type is
/// 400 (create, update) or 422 (patch) whatever the directive says.
/// </summary>
internal static class FieldValidation
{
    public static FieldValidationDirective Directive(RequestScope scope, string optionsKind) => scope.Query("fieldValidation") switch
    {
        null or "" or "Warn" => FieldValidationDirective.Warn,
        "Strict" => FieldValidationDirective.Strict,
        "Ignore" => FieldValidationDirective.Ignore,
        var other => throw OptionErrors.Invalid(optionsKind, OptionErrors.NotSupported("fieldValidation", $"\"{other}\"", "", "Ignore", "Strict", "Warn")),
    };

    /// <summary>A POST or PUT body (create.go, update.go): errors carry transformDecodeError's prefix
    /// "Deployment in version "v1" cannot be handled as a Deployment: ".</summary>
    public static void DecodeBody(RequestScope scope, JsonObject body, IReadOnlyList<string> duplicates, FieldValidationDirective directive)
    {
        var prefix = $"{scope.Resource.Kind} in version \"{scope.Resource.Version}\" cannot be handled as a {scope.Resource.Kind}: ";
        var (unknown, typeError) = Decode(scope, body);
        if (typeError is not null)
        {
            throw StatusFactory.BadRequest(prefix + typeError);
        }

        Enforce(scope, directive, StrictErrors(duplicates, unknown), message => StatusFactory.BadRequest(prefix + message));
    }

    /// <summary>The object a merge, JSON or strategic-merge patch produced (patch.go applyPatchToCurrentObject): a
    /// strict error is 400 without a prefix, a type error 422 on the field "patch".</summary>
    public static void DecodePatched(RequestScope scope, JsonObject patched, IReadOnlyList<string> duplicates, FieldValidationDirective directive)
    {
        var (unknown, typeError) = Decode(scope, patched);
        if (typeError is not null)
        {
            var cause = StatusCause.InvalidValue("patch", Admission.ValueText.Render(patched.ToJsonString()), typeError);
            var details = new JsonObject { ["causes"] = new JsonArray(cause.ToJson()) };
            throw new ApiError(422, StatusFactory.Failure(422, "Invalid", $" \"\" is invalid: {cause.Text}", details));
        }

        Enforce(scope, directive, StrictErrors(duplicates, unknown), StatusFactory.BadRequest);
    }

    /// <summary>Server-side apply (structuredmerge.go Apply): a field the schema does not declare fails the
    /// conversion to a typed patch object, 500 with no reason, whatever fieldValidation says.</summary>
    public static void CheckApplied(RequestScope scope, JsonObject applied)
    {
        var errors = TypedErrors(scope, applied);
        if (errors.Count == 0)
        {
            return;
        }

        var ns = scope.Namespace ?? string.Empty;
        var gvk = $"{scope.Resource.ApiVersion}, Kind={scope.Resource.Kind}";
        if (scope.Resource.Group.Length == 0)
        {
            gvk = "/" + gvk;
        }

        var message = $"failed to create typed patch object ({ns}/{scope.Name}; {gvk}): {TypedPatchCheck.Join(errors)}";
        throw new ApiError(500, StatusFactory.Failure(500, string.Empty, message));
    }

    private static List<string> TypedErrors(RequestScope scope, JsonObject applied)
    {
        if (scope.Resource.IsCustom)
        {
            return [.. CustomSchema(scope)?.Prune((JsonObject)applied.DeepClone()).Select(p => $".{p}: field not declared in schema") ?? []];
        }

        var type = scope.State.Schema.ForKind(scope.Resource.Group, scope.Resource.Version, scope.Resource.Kind);
        return type is null ? [] : [.. new TypedPatchCheck(scope.State.Schema).Errors(applied, type)];
    }

    private static (IReadOnlyList<string> Unknown, string? TypeError) Decode(RequestScope scope, JsonObject body)
    {
        if (scope.Resource.IsCustom)
        {
            var unknown = new List<string>();
            if (scope.State.Schema.Type("V1ObjectMeta") is { } meta && body["metadata"] is JsonObject metadata)
            {
                unknown.AddRange(new GoDecoder(scope.State.Schema).Decode(metadata, meta).UnknownFields.Select(f => "metadata." + f));
            }

            unknown.AddRange(CustomSchema(scope)?.Prune(body) ?? []);
            return (unknown, null);
        }

        var type = scope.State.Schema.ForKind(scope.Resource.Group, scope.Resource.Version, scope.Resource.Kind);
        if (type is null)
        {
            return ([], null);
        }

        var report = new GoDecoder(scope.State.Schema).Decode(body, type);
        return (report.UnknownFields, report.TypeError);
    }

    private static CustomResourceSchema? CustomSchema(RequestScope scope) =>
        CrdController.OpenApiSchema(scope) is { } schema ? new CustomResourceSchema(schema) : null;

    private static List<string> StrictErrors(IReadOnlyList<string> duplicates, IReadOnlyList<string> unknown) =>
        [.. duplicates.Select(d => $"duplicate field \"{d}\""), .. unknown.Select(u => $"unknown field \"{u}\"")];

    private static void Enforce(RequestScope scope, FieldValidationDirective directive, List<string> errors, Func<string, ApiError> strictError)
    {
        if (errors.Count == 0 || directive == FieldValidationDirective.Ignore)
        {
            return;
        }

        if (directive == FieldValidationDirective.Strict)
        {
            // runtime.strictDecodingError: "strict decoding error: " and the errors joined with ", ".
            throw strictError("strict decoding error: " + string.Join(", ", errors));
        }

        foreach (var error in errors)
        {
            AddWarning(scope, error);
        }
    }

    /// <summary>The Warning header as the apiserver writes it: code 299, agent "-", the text quoted as Go's
    /// strconv.Quote does; one header per warning, each text once.</summary>
    public static void AddWarning(RequestScope scope, string text)
    {
        var value = $"299 - {GoQuote(text)}";
        var headers = scope.Context.Response.Headers;
        if (!headers["Warning"].Contains(value))
        {
            headers.Append("Warning", value);
        }
    }

    private static string GoQuote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
