using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>A decoded PATCH: its media type, raw body and options (reference 3.5 and 3.7).</summary>
internal sealed record PatchRequest(string ContentType, string Body, WriteOptions Options, bool Force, FieldValidationDirective Validation)
{
    public bool IsApply => ContentType == PatchDocument.ApplyPatchType;

    public static async Task<PatchRequest> ReadAsync(RequestScope scope)
    {
        var contentType = PatchDocument.ContentType(scope.Context.Request.ContentType, scope.Resource);
        var isApply = contentType == PatchDocument.ApplyPatchType;
        var options = WriteOptions.From(scope, "PatchOptions");
        var validation = FieldValidation.Directive(scope, "PatchOptions");
        if (scope.Query("force") is not null && !isApply)
        {
            throw OptionErrors.Invalid("PatchOptions", OptionErrors.Forbidden("force", "may not be specified for non-apply patch"));
        }

        if (isApply && string.IsNullOrEmpty(scope.Query("fieldManager")))
        {
            throw OptionErrors.Invalid("PatchOptions", OptionErrors.Required("fieldManager", "is required for apply patch"));
        }

        var body = await RequestBody.ReadTextAsync(scope.Context);
        if (body.Trim().Length == 0)
        {
            throw StatusFactory.BadRequest("the body of the request is empty");
        }

        return new PatchRequest(contentType, body, options, scope.Flag("force"), validation);
    }
}
