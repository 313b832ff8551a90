using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>An Ingress depends on the Services its default backend and its rules' paths send traffic to.</summary>
internal static class IngressReferences
{
    private const string BackendService = "/backend/service/name";

    public static IEnumerable<DependencyRequest> Find(Resource resource)
    {
        if (resource.Type.KindRef != new KindRef(BuiltInKinds.Networking, "Ingress"))
        {
            return [];
        }

        var content = resource.Content;
        IEnumerable<string> pointers =
        [
            "/spec/defaultBackend/service/name",
            .. JsonText.Items(content, "/spec/rules")
                .SelectMany(rule => JsonText.Items(content, $"{rule.Pointer}/http/paths"))
                .Select(path => path.Pointer + BackendService),
        ];
        return pointers
            .Select(pointer => NamedReference.At(resource, pointer, BuiltInKinds.CoreGroup, "Service", resource.Address.Namespace))
            .OfType<DependencyRequest>();
    }
}
