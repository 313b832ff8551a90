namespace Declarative.Core.Planning;

public enum ChangeAction
{
    NoOp,
    Create,
    Update,
    Replace,
    Delete,
}

public static class ChangeActionExtensions
{
    /// <summary>The plan's symbol: <c>+</c>, <c>~</c>, <c>-/+</c>, <c>-</c>, or a blank for no-op.</summary>
    public static string Symbol(this ChangeAction action) => action switch
    {
        ChangeAction.NoOp => " ",
        ChangeAction.Create => "+",
        ChangeAction.Update => "~",
        ChangeAction.Replace => "-/+",
        ChangeAction.Delete => "-",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown change action."),
    };
}
