using System.Globalization;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Http;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Faults;

/// <summary>Applies the per-request faults of a <see cref="FaultInjector"/>: latency first, then at most one rule.</summary>
public sealed class FaultMiddleware(FaultInjector faults)
{
    /// <summary>Priority and fairness's rejection text (reference 9).</summary>
    public const string TooManyRequestsText = "Too many requests, please try again later.\n";

    private const string LosesResponseKey = "declarative.double.loses-response";

    /// <summary>Whether <see cref="FaultKind.LoseResponse"/> hit this request: the pipeline aborts its connection once the
    /// request was carried out (its answer went nowhere).</summary>
    public static bool LosesResponse(HttpContext context) => context.Items.ContainsKey(LosesResponseKey);

    /// <summary>True when the request was answered (or its connection dropped) by a fault.</summary>
    public async Task<bool> TryInjectAsync(HttpContext context)
    {
        if (faults.Latency > TimeSpan.Zero)
        {
            await Task.Delay(faults.Latency, context.RequestAborted);
        }

        var rule = faults.Draw(RequestVerb.Of(context.Request));
        if (rule is null)
        {
            return false;
        }

        if (rule.Kind == FaultKind.DropConnection)
        {
            context.Abort();
            return true;
        }

        if (rule.Kind == FaultKind.LoseResponse)
        {
            // Carried out as usual, but written nowhere: the headers never leave, so the abort after it is all the
            // client sees.
            context.Items[LosesResponseKey] = true;
            context.Response.Body = Stream.Null;
            return false;
        }

        await JsonResponses.WriteErrorAsync(context, ErrorFor(rule, context.Request));
        return true;
    }

    private static ApiError ErrorFor(FaultRule rule, HttpRequest request)
    {
        var headers = rule.RetryAfterSeconds is { } seconds
            ? new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) }
            : null;
        return rule.Kind switch
        {
            FaultKind.TooManyRequests => ApiError.Plain(429, TooManyRequestsText, headers ?? new Dictionary<string, string> { ["Retry-After"] = "1" }),
            FaultKind.InternalError => new ApiError(500, StatusFactory.InternalError("injected fault"), headers),
            FaultKind.ServiceUnavailable => new ApiError(503, StatusFactory.Failure(503, "ServiceUnavailable", "the server is currently unable to handle the request"), headers),
            FaultKind.Timeout => new ApiError(504, StatusFactory.Failure(504, "Timeout", "the server was unable to return a response in the time allotted, but may still be processing the request"), headers),
            FaultKind.Unauthorized => StatusFactory.Unauthorized(),
            _ => ForbiddenStatus.For(request.Path.Value ?? "/", RequestVerb.Of(request)),
        };
    }
}
