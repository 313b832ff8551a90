using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>422 Invalid for request options (ListOptions, CreateOptions...), as the meta.k8s.io validation reports them.</summary>
internal static class OptionErrors
{
    public static ApiError Invalid(string optionsKind, params StatusCause[] causes) =>
        StatusFactory.Invalid(OptionsResource(optionsKind), string.Empty, causes);

    public static StatusCause Forbidden(string field, string detail) => new("FieldValueForbidden", $"Forbidden: {detail}", field);

    public static StatusCause NotSupported(string field, string renderedValue, params string[] supported) =>
        new("FieldValueNotSupported", $"Unsupported value: {renderedValue}: supported values: {string.Join(", ", supported.Select(s => $"\"{s}\""))}", field);

    public static StatusCause Required(string field, string detail) => new("FieldValueRequired", $"Required value: {detail}", field);

    private static ApiResource OptionsResource(string kind) =>
        new("meta.k8s.io", "v1", kind, kind.ToLowerInvariant(), kind.ToLowerInvariant(), false, [], [], [], []);
}
