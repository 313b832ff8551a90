using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Handlers;
using Declarative.Kubernetes.ApiServer.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Declarative.Kubernetes.ApiServer.Hosting;

/// <summary>
/// A running double. <see cref="StartAsync"/> binds a random loopback port (or the given one); tests talk to it
/// with <see cref="CreateClient"/>. Stop it with DisposeAsync.
/// </summary>
public sealed class ApiServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiServerHost(WebApplication app, ApiServerState state, Uri baseAddress)
    {
        _app = app;
        State = state;
        BaseAddress = baseAddress;
    }

    public ApiServerState State { get; }

    public Uri BaseAddress { get; }

    public static async Task<ApiServerHost> StartAsync(ApiServerOptions options, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        var app = builder.Build();
        var state = new ApiServerState(options);
        var resources = new ResourceHandler(state);
        app.Run(context => DispatchAsync(context, resources));
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Urls.First());
        return new ApiServerHost(app, state, address);
    }

    /// <summary>An HttpClient that reaches this server (and, once TLS is on, trusts its CA and sends the token).</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task DispatchAsync(HttpContext context, ResourceHandler resources)
    {
        try
        {
            var path = ApiPath.Parse(context.Request.Path.Value ?? "/");
            if (path is null)
            {
                throw StatusFactory.PageNotFound();
            }

            await resources.HandleAsync(context, path);
        }
        catch (ApiError error) when (!context.Response.HasStarted)
        {
            await JsonResponses.WriteErrorAsync(context, error);
        }
    }
}
