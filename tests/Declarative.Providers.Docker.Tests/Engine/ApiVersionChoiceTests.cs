using Declarative.Providers.Docker.Engine;

namespace Declarative.Providers.Docker.Tests.Engine;

public sealed class ApiVersionChoiceTests
{
    [Fact]
    public void An_older_engine_is_spoken_to_in_its_newest_version() =>
        Assert.Equal(new Version(1, 41), ApiVersionChoice.Choose(new Version(1, 41), pinned: null));

    [Fact]
    public void A_newer_engine_is_spoken_to_in_the_newest_version_the_library_models() =>
        Assert.Equal(new Version(1, 52), ApiVersionChoice.Choose(new Version(1, 60), pinned: null));

    [Fact]
    public void A_pinned_version_is_used_even_above_the_engines_maximum() =>
        Assert.Equal(new Version(1, 44), ApiVersionChoice.Choose(new Version(1, 41), new Version(1, 44)));
}
