using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>Runs a client-go credential plugin once (reference 1.4): KUBERNETES_EXEC_INFO in, ExecCredential out.
/// stdin is never connected (Declarative does not prompt); stderr goes to the user's terminal.</summary>
internal static class ExecCredentialPlugin
{
    public static async Task<ExecCredential> RunAsync(KubeExecConfig exec, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo(exec) };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            var hint = exec.InstallHint is { } text ? " " + text.Trim() : " Install it or fix users[].user.exec.command in the kubeconfig.";
            throw new KubeConfigException($"Cannot run the credential plugin \"{exec.Command}\": {ex.Message}.{hint}", ex);
        }

        process.StandardInput.Close();
        string output;
        try
        {
            output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new KubeConfigException($"The credential plugin \"{exec.Command}\" failed with exit code {process.ExitCode}. Run it by hand to see why (its error output is shown above).");
        }

        return Parse(exec, output);
    }

    internal static ExecCredential Parse(KubeExecConfig exec, string output)
    {
        JsonObject? credential;
        try
        {
            credential = JsonNode.Parse(output) as JsonObject;
        }
        catch (JsonException ex)
        {
            throw new KubeConfigException($"The credential plugin \"{exec.Command}\" did not print an ExecCredential JSON object. Check the plugin and its version.", ex);
        }

        var version = KubeconfigFile.NonEmpty(credential?["apiVersion"]);
        if (version != exec.ApiVersion)
        {
            throw new KubeConfigException($"exec plugin is configured to use API version {exec.ApiVersion}, plugin returned version {version}. Align users[].user.exec.apiVersion with the plugin.");
        }

        if (credential?["status"] is not JsonObject status)
        {
            throw new KubeConfigException($"The credential plugin \"{exec.Command}\" returned an ExecCredential without status. Check the plugin.");
        }

        var token = KubeconfigFile.NonEmpty(status["token"]);
        var certificate = KubeconfigFile.NonEmpty(status["clientCertificateData"]);
        var key = KubeconfigFile.NonEmpty(status["clientKeyData"]);
        if ((certificate is null) != (key is null) || (token is null && certificate is null))
        {
            throw new KubeConfigException($"The credential plugin \"{exec.Command}\" returned neither a token nor a client certificate with its key. Check the plugin.");
        }

        return new ExecCredential(token, certificate, key, Expiry(status["expirationTimestamp"]));
    }

    private static DateTimeOffset? Expiry(JsonNode? node) =>
        KubeconfigFile.NonEmpty(node) is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiry)
            ? expiry
            : null;

    private static ProcessStartInfo StartInfo(KubeExecConfig exec)
    {
        var info = new ProcessStartInfo(exec.Command)
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in exec.Args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in exec.Env)
        {
            info.Environment[name] = value;
        }

        info.Environment["KUBERNETES_EXEC_INFO"] = Request(exec).ToJsonString();
        return info;
    }

    private static JsonObject Request(KubeExecConfig exec)
    {
        var spec = new JsonObject { ["interactive"] = false };
        if (exec.ClusterInfo is { } cluster)
        {
            spec["cluster"] = cluster.DeepClone();
        }

        return new JsonObject { ["kind"] = "ExecCredential", ["apiVersion"] = exec.ApiVersion, ["spec"] = spec };
    }
}
