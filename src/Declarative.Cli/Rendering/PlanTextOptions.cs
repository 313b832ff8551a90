namespace Declarative.Cli.Rendering;

/// <summary>How much the text plan shows. <see cref="Verbose"/> (<c>--verbose</c>) adds unchanged resources,
/// dependencies and the fields the server would fill in on a create, and folds nothing; <see cref="Full"/> (<c>--full</c>) folds nothing: every field of a large create or
/// delete and every line of a multi-line value.</summary>
public sealed record PlanTextOptions(bool Verbose = false, bool Full = false)
{
    public static PlanTextOptions Default { get; } = new();

    internal bool ShowsEverything => Verbose || Full;
}
