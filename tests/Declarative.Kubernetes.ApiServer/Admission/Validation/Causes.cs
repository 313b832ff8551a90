using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Admission.Validation;

/// <summary>The field.Error kinds <see cref="StatusCause"/> has no factory for, worded as apimachinery does.</summary>
internal static class Causes
{
    public static StatusCause Forbidden(string field, string detail) => new("FieldValueForbidden", $"Forbidden: {detail}", field);

    public static StatusCause NotSupported(string field, string? value, params string[] supported) =>
        new("FieldValueNotSupported", $"Unsupported value: {ValueText.Render(value ?? string.Empty)}: supported values: {string.Join(", ", supported.Select(ValueText.Render))}", field);
}
