using System.Security.Cryptography;
using System.Text;
using Declarative.Testing;

namespace Declarative.Providers.Docker.Tests.Engine;

/// <summary>A fake HOME with a .docker folder the tests fill: config.json, contexts and their TLS files.</summary>
internal sealed class DockerHome : IDisposable
{
    private readonly TempDirectory folder = new();

    public string Home => folder.Root;

    public string ConfigDirectory => Path.Combine(Home, ".docker");

    public static string ContextId(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    public string Write(string relative, string text) => folder.Write(relative, text);

    public void CurrentContext(string name) => Write(".docker/config.json", $$"""{"auths":{},"currentContext":"{{name}}"}""");

    public string Context(string name, string host, bool skipTlsVerify = false, params string[] tlsFiles) =>
        Context(ContextId(name), name, host, skipTlsVerify, tlsFiles);

    /// <summary>Writes a context under an explicit id, so a test can pin the id the CLI computes.</summary>
    public string Context(string id, string name, string host, bool skipTlsVerify, params string[] tlsFiles)
    {
        foreach (var file in tlsFiles)
        {
            Write($".docker/contexts/tls/{id}/docker/{file}", "PEM");
        }

        var skip = skipTlsVerify ? "true" : "false";
        return Write($".docker/contexts/meta/{id}/meta.json",
            $$"""{"Name":"{{name}}","Metadata":{"Description":"test"},"Endpoints":{"docker":{"Host":"{{host}}","SkipTLSVerify":{{skip}}""" + "}}}");
    }

    public void Dispose() => folder.Dispose();
}
