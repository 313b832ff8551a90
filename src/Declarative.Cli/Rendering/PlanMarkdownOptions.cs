namespace Declarative.Cli.Rendering;

/// <summary>
/// How the markdown plan fits a pull-request comment: at most <see cref="MaxSize"/> characters (<c>--max-size</c>;
/// GitHub refuses comments over 65,536), large creates and deletes folded unless <see cref="Full"/>, and the saved
/// plan (<c>--out</c>) named as where the full plan is when resources are left out. <see cref="ServerDefaults"/>
/// (<c>--verbose</c>) adds the fields the server would fill in on a create.
/// </summary>
public sealed record PlanMarkdownOptions(int MaxSize = PlanMarkdownOptions.DefaultMaxSize, bool Full = false, string? SavedPlan = null, bool ServerDefaults = false)
{
    public const int DefaultMaxSize = 60_000;

    public static PlanMarkdownOptions Default { get; } = new();
}
