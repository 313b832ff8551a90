namespace Declarative.Providers.Docker.Tests.Engine;

/// <summary>
/// A test that needs a real Docker engine (found like the CLI finds it, e.g. DOCKER_HOST=unix:///tmp/dk/docker.sock).
/// Skipped when none answers, except on CI (CI=true), where a missing engine must fail the run instead.
/// </summary>
public sealed class EngineFactAttribute : FactAttribute
{
    public EngineFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") != "true" && TestEngine.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
