using System.Globalization;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Controllers.Deployments;

/// <summary>
/// When each Deployment's Progressing condition last moved, to the tick. The condition's lastUpdateTime has whole
/// seconds, too coarse for a progress deadline scaled down to milliseconds; the stored time is the fallback when
/// this controller did not write the condition itself (a restart, or a condition from the client).
/// </summary>
internal sealed class ProgressClock
{
    private readonly Dictionary<ObjectKey, (string Uid, DateTimeOffset At)> _moved = [];

    public void Record(ObjectKey key, string uid, DateTimeOffset at) => _moved[key] = (uid, at);

    public void Forget(ObjectKey key) => _moved.Remove(key);

    public DateTimeOffset LastMoved(ObjectKey key, string uid, JsonObject condition)
    {
        if (_moved.TryGetValue(key, out var moved) && moved.Uid == uid)
        {
            return moved.At;
        }

        return DateTimeOffset.TryParse(DeploymentConditions.Text(condition, "lastUpdateTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stored)
            ? stored
            : DateTimeOffset.MinValue;
    }
}
