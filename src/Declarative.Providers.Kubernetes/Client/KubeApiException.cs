using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Client;

/// <summary>
/// A Kubernetes API error, parsed from the Status object (or synthesized from the HTTP code when the body is not a
/// Status, as client-go does). <see cref="Reason"/> is the StatusReason ("NotFound", "Conflict", "Invalid"...).
/// Messages never carry request bodies, so Secret data cannot leak through them.
/// </summary>
public sealed class KubeApiException : Exception
{
    public KubeApiException(int code, string reason, string message, ImmutableArray<KubeStatusCause> causes = default, JsonObject? status = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Causes = causes.IsDefault ? [] : causes;
        Status = status;
    }

    public KubeApiException()
        : this(0, string.Empty, "Kubernetes API error")
    {
    }

    public KubeApiException(string message)
        : this(0, string.Empty, message)
    {
    }

    public KubeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = string.Empty;
        Causes = [];
    }

    public int Code { get; }

    public string Reason { get; }

    public ImmutableArray<KubeStatusCause> Causes { get; }

    public JsonObject? Status { get; }

    public bool IsNotFound => Reason == "NotFound" || (Code == 404 && Reason.Length == 0);

    public bool IsConflict => Reason == "Conflict";

    public bool IsInvalid => Reason == "Invalid" || Code == 422;
}

/// <summary>One cause of an Invalid or Conflict Status: the CauseType, its message, the field.</summary>
public sealed record KubeStatusCause(string Reason, string Message, string Field);
