using Declarative.Kubernetes.ApiServer.Discovery;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Faults;
using Declarative.Kubernetes.ApiServer.Handlers;
using Declarative.Kubernetes.ApiServer.Http;
using Declarative.Kubernetes.ApiServer.OpenApi;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Hosting;

/// <summary>
/// One request, in the order a real API server's filters run: audit id and cache headers, authentication (401),
/// priority-and-fairness headers, injected faults, then the routes: discovery, OpenAPI, version and health,
/// resource paths; anything else is a plain-text 404.
/// </summary>
internal sealed class RequestPipeline(ApiServerState state, RequestAuthenticator authenticator)
{
    private readonly FlowControlIds _flowControl = FlowControlIds.Create();
    private readonly FaultAdminEndpoint _faultAdmin = new(state.Faults);
    private readonly RequestsAdminEndpoint _requestsAdmin = new(state.Requests);
    private readonly CreatesAdminEndpoint _createsAdmin = new(state.Store.Creates);
    private readonly FaultMiddleware _faults = new(state.Faults);
    private readonly DiscoveryEndpoint _discovery = new(state.Registry);
    private readonly OpenApiEndpoint _openApi = new(state.Registry);
    private readonly ResourceHandler _resources = new(state);

    public async Task HandleAsync(HttpContext context)
    {
        state.Requests.Add($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
        RecordImpersonation(context.Request);
        ServerHeaders.AddCommon(context);
        try
        {
            if (!authenticator.IsAuthenticated(context))
            {
                throw StatusFactory.Unauthorized();
            }

            ServerHeaders.AddFlowControl(context, _flowControl);
            if (await _faultAdmin.TryHandleAsync(context) || await _requestsAdmin.TryHandleAsync(context) || await _createsAdmin.TryHandleAsync(context) || await _faults.TryInjectAsync(context))
            {
                return;
            }

            await RouteAsync(context);
        }
        catch (ApiError error) when (!context.Response.HasStarted)
        {
            await JsonResponses.WriteErrorAsync(context, error);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            await JsonResponses.WriteAsync(context, 500, StatusFactory.InternalError(exception.Message));
        }
        finally
        {
            if (FaultMiddleware.LosesResponse(context))
            {
                context.Abort();
            }
        }
    }

    private void RecordImpersonation(HttpRequest request)
    {
        var headers = request.Headers
            .Where(h => h.Key.StartsWith("Impersonate-", StringComparison.OrdinalIgnoreCase))
            .OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .SelectMany(h => h.Value.Select(v => $"{h.Key}: {v}"))
            .ToList();
        if (headers.Count > 0)
        {
            state.Requests.AddImpersonation(string.Join("; ", headers));
        }
    }

    private async Task RouteAsync(HttpContext context)
    {
        if (await _discovery.TryHandleAsync(context)
            || await _openApi.TryHandleAsync(context)
            || await ServerInfoEndpoint.TryHandleAsync(context))
        {
            return;
        }

        var path = ApiPath.Parse(context.Request.Path.Value ?? "/") ?? throw StatusFactory.PageNotFound();
        await _resources.HandleAsync(context, path);
    }
}
