using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Errors;

/// <summary>
/// One cause of an Invalid or Conflict Status: <c>reason</c> is the CauseType (FieldValueRequired,
/// FieldValueInvalid, FieldManagerConflict...), <c>message</c> omits the field, <c>field</c> is the path.
/// </summary>
public sealed record StatusCause(string Reason, string Message, string Field)
{
    /// <summary>How the cause reads inside the Status message: "spec.selector: Invalid value: ...".</summary>
    public string Text => Field.Length == 0 ? Message : $"{Field}: {Message}";

    public JsonObject ToJson() => new() { ["reason"] = Reason, ["message"] = Message, ["field"] = Field };

    public static StatusCause Required(string field) => new("FieldValueRequired", "Required value", field);

    public static StatusCause Immutable(string field, string renderedValue) =>
        new("FieldValueInvalid", $"Invalid value: {renderedValue}: field is immutable", field);

    public static StatusCause InvalidValue(string field, string renderedValue, string detail) =>
        new("FieldValueInvalid", $"Invalid value: {renderedValue}: {detail}", field);
}
