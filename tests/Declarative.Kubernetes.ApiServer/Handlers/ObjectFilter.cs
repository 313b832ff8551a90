using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>Which objects a list or watch returns: the namespace of the path and the label and field selectors.</summary>
internal sealed record ObjectFilter(string? Namespace, LabelSelector Labels, FieldSelector Fields)
{
    /// <summary>The predicate is empty: lists report remainingItemCount only then.</summary>
    public bool SelectsEverything => Labels.IsEmpty && Fields.IsEmpty;

    public static ObjectFilter From(RequestScope scope) =>
        new(scope.Namespace, LabelSelector.Parse(scope.Query("labelSelector")), FieldSelector.Parse(scope.Query("fieldSelector"), scope.Resource));

    public bool InScope(string key) => Namespace is null || key.StartsWith(ObjectMeta.Key(Namespace, string.Empty), StringComparison.Ordinal);

    public bool Matches(JsonObject obj) =>
        (Namespace is null || ObjectMeta.Namespace(obj) == Namespace) && Labels.Matches(ObjectMeta.Labels(obj)) && Fields.Matches(obj);
}
