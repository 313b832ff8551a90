using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Storage;

/// <summary>One change as the watch log keeps it. <see cref="Previous"/> is the state before a MODIFIED (a
/// selector watch turns a change in or out of the selection into ADDED or DELETED).</summary>
public sealed record WatchEvent(string Type, string StorageKey, long Revision, JsonObject Object, JsonObject? Previous)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
}
