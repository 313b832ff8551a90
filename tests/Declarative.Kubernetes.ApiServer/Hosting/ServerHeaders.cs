using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Hosting;

/// <summary>Headers a real API server puts on its responses (reference 9 and 10 item 15).</summary>
internal static class ServerHeaders
{
    /// <summary>Before authentication: every response has an audit id and is not cacheable.</summary>
    public static void AddCommon(HttpContext context)
    {
        context.Response.Headers["Audit-Id"] = Guid.NewGuid().ToString();
        context.Response.Headers.CacheControl = "no-cache, private";
    }

    /// <summary>After authentication: priority and fairness classified the request.</summary>
    public static void AddFlowControl(HttpContext context, FlowControlIds ids)
    {
        context.Response.Headers["X-Kubernetes-PF-FlowSchema-UID"] = ids.FlowSchema;
        context.Response.Headers["X-Kubernetes-PF-PriorityLevel-UID"] = ids.PriorityLevel;
    }
}

/// <summary>The uids of the one flow schema and priority level the double pretends to classify requests into.</summary>
internal sealed record FlowControlIds(string FlowSchema, string PriorityLevel)
{
    public static FlowControlIds Create() => new(Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
}
