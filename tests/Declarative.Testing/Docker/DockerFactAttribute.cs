using Xunit;

namespace Declarative.Testing.Docker;

/// <summary>A fact that needs the Docker Engine and registries of scripts/ensure-docker.sh. Skipped with a clear
/// message where no engine answers, except in CI and under scripts/test.sh, where a missing engine must fail.</summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (DockerTestServices.Current.SkipReason() is { } reason)
        {
            Skip = reason;
        }
    }
}
