using Xunit;

namespace Declarative.Testing.Docker;

/// <summary>The theory form of <see cref="DockerFactAttribute"/>: skipped, with the same message and under the same
/// conditions, where no engine answers.</summary>
public sealed class DockerTheoryAttribute : TheoryAttribute
{
    public DockerTheoryAttribute()
    {
        if (DockerTestServices.Current.SkipReason() is { } reason)
        {
            Skip = reason;
        }
    }
}
