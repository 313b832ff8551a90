using Declarative.Core.Planning;
using Declarative.Core.Providers;

namespace Declarative.Core.Execution;

/// <summary>The texts of apply events and outcome errors, in one place so they read alike.</summary>
internal static class NodeMessages
{
    public static string Starting(ResourceChange change) => change.Action switch
    {
        ChangeAction.Create => "Creating",
        ChangeAction.Update => "Updating",
        ChangeAction.Replace when change.Change.ReplaceReason is { } reason => $"Replacing ({reason})",
        ChangeAction.Replace => "Replacing",
        ChangeAction.Delete => "Deleting",
        ChangeAction.Release => "Releasing (declarative.dev/prune: disabled)",
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.Action, "A no-op is never started."),
    };

    public static string Applied(ChangeAction action) => action switch
    {
        ChangeAction.Create => "Created",
        ChangeAction.Update => "Updated",
        ChangeAction.Replace => "Replaced",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Only creates, updates and replaces are applied."),
    };

    public static string NotReady(ResourceAddress address) => $"{address} did not become ready.";

    public static string Cancelled(NodeStep step, ResourceAddress address) => step switch
    {
        NodeStep.Applying => $"The run was cancelled while {address} was being applied.",
        NodeStep.Recording => $"The run was cancelled while {address} was being recorded in the state.",
        NodeStep.Waiting => $"The run was cancelled while waiting for {address} to be ready.",
        NodeStep.Deleting => $"The run was cancelled while {address} was being deleted.",
        NodeStep.Releasing => $"The run was cancelled while {address} was being released.",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown step."),
    };

    public static string Error(NodeStep step, ResourceAddress address, Exception exception) => step == NodeStep.Recording
        ? $"{address} was changed but could not be recorded in the state: {exception.Message}"
        : exception.Message;

    public static string NotStarted(ResourceAddress address) => $"The run was cancelled before {address} was started.";

    public static string DependencyDidNotFinish(ResourceChange change, ResourceAddress dependency, OutcomeKind dependencyOutcome)
    {
        var happened = dependencyOutcome == OutcomeKind.Failed ? "failed" : "was skipped";
        return change.Action == ChangeAction.Delete
            ? $"Not deleted because {dependency}, which has to be deleted first, {happened}."
            : $"Not applied because its dependency {dependency} {happened}.";
    }
}
