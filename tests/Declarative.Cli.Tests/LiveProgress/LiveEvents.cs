using Declarative.Core.Execution;
using Declarative.Core.Providers;

namespace Declarative.Cli.Tests.LiveProgress;

/// <summary>Addresses and events as the executor reports them, at seconds after <see cref="T0"/>.</summary>
internal static class LiveEvents
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static ResourceAddress Namespace { get; } = new(string.Empty, string.Empty, "Namespace", null, "shop");

    public static ResourceAddress Web { get; } = new(string.Empty, "apps", "Deployment", "shop", "web");

    public static ResourceAddress Settings { get; } = new(string.Empty, string.Empty, "ConfigMap", "shop", "settings");

    public static ResourceAddress Image { get; } = new(string.Empty, "docker.declarative.dev", "Image", null, "web");

    public static ResourceAddress ConfigMap(int i) => new(string.Empty, string.Empty, "ConfigMap", "team", $"app-{i}");

    public static ApplyEvent At(double seconds, ResourceAddress address, ApplyEventKind kind, string message = "") =>
        new(address, kind, message, T0.AddSeconds(seconds));
}
