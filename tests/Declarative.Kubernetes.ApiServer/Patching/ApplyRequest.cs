using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>One server-side apply: <see cref="Live"/> is null when the object does not exist yet;
/// <see cref="Subresource"/> is "status" for an apply to /status.</summary>
public sealed record ApplyRequest(
    ApiResource Resource,
    JsonObject? Live,
    JsonObject Applied,
    string Manager,
    bool Force,
    string? Subresource,
    DateTimeOffset Now);

/// <summary>A non-apply write (create, update, merge/JSON patch) whose changed fields go to <see cref="Manager"/>.</summary>
public sealed record UpdateRequest(
    ApiResource Resource,
    JsonObject? Live,
    JsonObject Updated,
    string Manager,
    string? Subresource,
    DateTimeOffset Now);

/// <summary>One field another manager owns with a different value. <see cref="Field"/> reads
/// <c>.spec.template.spec.containers[name="web"].image</c>; <see cref="ApiVersion"/> is set for Update managers.</summary>
public sealed record FieldConflict(string Manager, string Field, string? ApiVersion, string? Subresource);
