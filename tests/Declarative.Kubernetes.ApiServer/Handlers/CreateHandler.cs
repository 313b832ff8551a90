using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>POST on a collection (reference 3.3).</summary>
internal static class CreateHandler
{
    private const string NameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static async Task HandleAsync(RequestScope scope, WritePipeline pipeline)
    {
        if (scope.Resource.Namespaced && scope.Namespace is null)
        {
            throw StatusFactory.MethodNotAllowed("the server does not allow this method on the requested resource");
        }

        var options = WriteOptions.From(scope, "CreateOptions");
        var directive = FieldValidation.Directive(scope, "CreateOptions");
        var (body, duplicates) = await RequestBody.ReadDecodedAsync(scope.Context, scope.Resource.Kind);
        BodyChecks.EnsureType(scope, body);
        FieldValidation.DecodeBody(scope, body, duplicates, directive);
        BodyChecks.EnsureNamespace(scope, body);
        var name = ResolveName(scope, body);
        EnsureNamespaceExists(scope);
        var prepared = pipeline.PrepareCreate(scope, body, options.Manager, options.DryRun);
        WriteResult result;
        try
        {
            result = scope.Store.Write(scope.Resource, scope.Namespace, name, options.DryRun, current =>
                current is null ? prepared : throw StatusFactory.AlreadyExists(scope.Resource, name));
        }
        catch (ApiError) when (!options.DryRun)
        {
            // What admission allocated for the object (a Service's clusterIP) must not stay held.
            scope.State.Admission.Release(scope.Resource, prepared);
            throw;
        }

        var stored = CrdController.AfterWrite(scope, result, options.DryRun);
        await scope.RespondAsync(201, scope.Present(stored));
    }

    public static void EnsureNamespaceExists(RequestScope scope)
    {
        var namespaces = scope.State.Registry.Find(string.Empty, "v1", "namespaces")!;
        if (scope.Namespace is not null && scope.Store.Get(namespaces, null, scope.Namespace) is null)
        {
            throw StatusFactory.NamespaceNotFound(scope.Namespace);
        }
    }

    private static string ResolveName(RequestScope scope, JsonObject body)
    {
        var metadata = ObjectMeta.Metadata(body);
        var name = ObjectMeta.Name(body);
        if (name.Length > 0)
        {
            return name;
        }

        var prefix = ObjectMeta.Text(body, "generateName");
        if (string.IsNullOrEmpty(prefix))
        {
            throw StatusFactory.Invalid(scope.Resource, string.Empty, [new StatusCause("FieldValueRequired", "Required value: name or generateName is required", "metadata.name")]);
        }

        var suffix = new string([.. Enumerable.Range(0, 5).Select(_ => NameAlphabet[Random.Shared.Next(NameAlphabet.Length)])]);
        var generated = prefix + suffix;
        metadata["name"] = generated;
        return generated;
    }
}
