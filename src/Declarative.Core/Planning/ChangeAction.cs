namespace Declarative.Core.Planning;

public enum ChangeAction
{
    NoOp,
    Create,
    Update,
    Replace,
    Delete,

    /// <summary>The environment stops owning the object and leaves it live (<c>declarative.dev/prune: disabled</c>).</summary>
    Release,
}

public static class ChangeActionExtensions
{
    /// <summary>The plan's symbol: <c>+</c>, <c>~</c>, <c>-/+</c>, <c>-</c>, <c>.</c> (release), or a blank for no-op.</summary>
    public static string Symbol(this ChangeAction action) => action switch
    {
        ChangeAction.NoOp => " ",
        ChangeAction.Create => "+",
        ChangeAction.Update => "~",
        ChangeAction.Replace => "-/+",
        ChangeAction.Delete => "-",
        ChangeAction.Release => ".",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown change action."),
    };
}
