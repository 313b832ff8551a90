using System.Globalization;

namespace Declarative.Kubernetes.ApiServer.Hosting;

/// <summary>The command line of the double as a process: <c>--port N --kubeconfig-out FILE [--time-scale X]
/// [--token T]</c>. <see cref="Parse"/> returns null (and an error) for anything else.</summary>
public sealed record ProcessArguments(ApiServerOptions Options, string? KubeconfigOut)
{
    public const string Usage =
        "Usage: Declarative.Kubernetes.ApiServer [--port N] [--kubeconfig-out FILE] [--time-scale X] [--token T]\n" +
        "  --port N              port on 127.0.0.1 (default 6443; 0 picks a free one)\n" +
        "  --kubeconfig-out FILE write a kubeconfig for the double there (mode 0600)\n" +
        "  --time-scale X        multiply every simulated delay by X (default 1)\n" +
        "  --token T             the bearer token to accept (default declarative-double-token)\n";

    public static ProcessArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new ApiServerOptions { Port = 6443 };
        string? kubeconfig = null;
        error = null;
        for (var i = 0; i < args.Count; i += 2)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            if (value is null)
            {
                error = $"{args[i]} needs a value.";
                return null;
            }

            switch (args[i])
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535:
                    options = options with { Port = port };
                    break;
                case "--time-scale" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale > 0:
                    options = options with { TimeScale = scale };
                    break;
                case "--token" when value.Length > 0:
                    options = options with { Token = value };
                    break;
                case "--kubeconfig-out":
                    kubeconfig = value;
                    break;
                default:
                    error = $"Unknown option or bad value: {args[i]} {value}";
                    return null;
            }
        }

        return new ProcessArguments(options, kubeconfig);
    }
}
