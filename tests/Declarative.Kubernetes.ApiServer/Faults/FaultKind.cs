namespace Declarative.Kubernetes.ApiServer.Faults;

/// <summary>What an injected fault answers.</summary>
public enum FaultKind
{
    /// <summary>429 as priority and fairness sends it: plain text and Retry-After.</summary>
    TooManyRequests,

    /// <summary>500 InternalError Status.</summary>
    InternalError,

    /// <summary>503 ServiceUnavailable Status.</summary>
    ServiceUnavailable,

    /// <summary>504 Timeout Status.</summary>
    Timeout,

    /// <summary>401 Unauthorized Status, as for an expired token.</summary>
    Unauthorized,

    /// <summary>403 Forbidden Status, as RBAC denies.</summary>
    Forbidden,

    /// <summary>The connection is aborted without any response.</summary>
    DropConnection,

    /// <summary>The request is carried out, then its connection aborted before the answer: the client cannot tell
    /// whether its write happened (where a retried create must not create twice).</summary>
    LoseResponse,
}
