using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// One caller waiting on one object of a shared feed: completed once <see cref="Observe"/> is given a state for which
/// its condition holds. <see cref="MinimumVersion"/> is the resourceVersion the caller already knows of (what it
/// applied or deleted); states the feed holds from before it are not shown to the condition.
/// </summary>
internal sealed class ObjectWaiter(string name, string? minimumVersion, Func<JsonObject?, bool> isDone)
{
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => name;

    public string? MinimumVersion => minimumVersion;

    public Task Completion => completion.Task;

    /// <summary>Evaluates the condition on <paramref name="state"/> (null: the object is absent). The feed calls it
    /// under its lock, so a waiter sees observations one at a time and in order.</summary>
    public void Observe(JsonObject? state)
    {
        if (completion.Task.IsCompleted)
        {
            return;
        }

        try
        {
            if (isDone(state))
            {
                completion.TrySetResult();
            }
        }
        catch (Exception error)
        {
            completion.TrySetException(error);
        }
    }

    public void Fail(Exception error) => completion.TrySetException(error);
}
