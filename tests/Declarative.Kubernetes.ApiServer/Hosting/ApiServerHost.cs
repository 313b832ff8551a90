using System.Net.Security;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

using Declarative.Kubernetes.ApiServer.Controllers;

namespace Declarative.Kubernetes.ApiServer.Hosting;

/// <summary>
/// A running double over HTTPS. <see cref="StartAsync"/> makes a CA and a serving certificate and binds
/// 127.0.0.1 on a random port (or the given one); tests talk to it with <see cref="CreateClient"/>, kubectl with
/// <see cref="KubeconfigYaml"/>. Stop it with DisposeAsync.
/// </summary>
public sealed class ApiServerHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CertificateAuthority _authority;
    private readonly ControllerManager? _controllers;

    private ApiServerHost(WebApplication app, ApiServerState state, CertificateAuthority authority, Uri baseAddress, ControllerManager? controllers)
    {
        _app = app;
        _controllers = controllers;
        State = state;
        _authority = authority;
        BaseAddress = baseAddress;
    }

    public ApiServerState State { get; }

    /// <summary>https://127.0.0.1:PORT/</summary>
    public Uri BaseAddress { get; }

    /// <summary>The server URL as kubeconfig writes it, without a trailing slash.</summary>
    public string Server => BaseAddress.GetLeftPart(UriPartial.Authority);

    public string CaCertificatePem => _authority.CertificatePem;

    public string Token => State.Options.Token;

    public static async Task<ApiServerHost> StartAsync(ApiServerOptions options, CancellationToken cancellationToken)
    {
        var state = new ApiServerState(options);
        var authority = CertificateAuthority.Create("declarative-double-ca", state.Clock);
        var serving = authority.IssueServingCertificate(options.ServingNames);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls($"https://127.0.0.1:{options.Port}");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.ConfigureHttpsDefaults(https => ConfigureTls(https, serving, state.Requests));
        });
        var app = builder.Build();
        var pipeline = new RequestPipeline(state, new RequestAuthenticator(options.Token, authority));
        app.Run(pipeline.HandleAsync);
        await app.StartAsync(cancellationToken);
        var controllers = options.RunControllers ? new ControllerManager(state, ControllerManager.Discover()) : null;
        controllers?.Start();
        return new ApiServerHost(app, state, authority, new Uri(app.Urls.First()), controllers);
    }

    /// <summary>A certificate the double accepts as user <paramref name="user"/> (group system:masters).</summary>
    public ClientCertificatePem IssueClientCertificate(string user) =>
        _authority.IssueClientCertificate(user, ["system:masters"]);

    /// <summary>An HttpClient that trusts only this double's CA and sends the bearer token.</summary>
    public HttpClient CreateClient()
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>An HttpClient that trusts this double's CA and authenticates with a client certificate.</summary>
    public HttpClient CreateClient(ClientCertificatePem certificate) =>
        new(Handler(certificate)) { BaseAddress = BaseAddress };

    /// <summary>An HttpClient that trusts this double's CA but sends no credentials.</summary>
    public HttpClient CreateAnonymousClient() => new(Handler(null)) { BaseAddress = BaseAddress };

    /// <summary>A kubeconfig with the CA data, the server and the token; <paramref name="contextName"/> names the
    /// cluster, user and context (null: "double") and is the current context.</summary>
    public string KubeconfigYaml(string? contextName = "double", string? ns = null) =>
        Kubeconfig.Render(Server, CaCertificatePem, contextName ?? "double", ns, Kubeconfig.TokenUser(Token));

    /// <summary>A kubeconfig like <see cref="KubeconfigYaml(string?, string?)"/> that authenticates with a client
    /// certificate instead of the token.</summary>
    public string KubeconfigYaml(ClientCertificatePem certificate, string contextName = "double", string? ns = null) =>
        Kubeconfig.Render(Server, CaCertificatePem, contextName, ns, Kubeconfig.CertificateUser(certificate));

    /// <summary>The running controllers; null when <see cref="ApiServerOptions.RunControllers"/> is off.</summary>
    public ControllerManager? Controllers => _controllers;

    public async ValueTask DisposeAsync()
    {
        if (_controllers is not null)
        {
            await _controllers.DisposeAsync();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        _authority.Dispose();
    }

    private static void ConfigureTls(HttpsConnectionAdapterOptions https, X509Certificate2 serving, RequestLog log)
    {
        // The selector sees each handshake's SNI, which tests of tls-server-name check.
        https.ServerCertificateSelector = (_, serverName) =>
        {
            log.AddServerName(serverName ?? string.Empty);
            return serving;
        };
        https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
        // Chains are checked per request against the double's own CA, not the machine's roots.
        https.AllowAnyClientCertificate();
    }

    private SocketsHttpHandler Handler(ClientCertificatePem? certificate)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, errors) =>
            presented is X509Certificate2 served
            && (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0
            && _authority.Signed(served, CertificateUsage.Server);
        if (certificate is not null)
        {
            handler.SslOptions.ClientCertificates = [certificate.ToCertificate()];
        }

        return handler;
    }
}
