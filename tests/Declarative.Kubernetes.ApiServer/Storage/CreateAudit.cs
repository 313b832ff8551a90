using System.Collections.Concurrent;

namespace Declarative.Kubernetes.ApiServer.Storage;

/// <summary>One object the store created (not a dry run): the collection, where, its name, the generateName it was
/// made from (null when the client named it), and its <c>declarative.dev/project</c> label, if any.</summary>
public sealed record CreatedObject(string StorageKey, string? Namespace, string Name, string? GenerateName, string? Project);

/// <summary>
/// Every create the store performed, in order, so a reliability test can prove that no object was created twice (a
/// retried POST or server-side apply whose first answer was lost, an object made again from its generateName).
/// </summary>
public sealed class CreateAudit
{
    private readonly ConcurrentQueue<CreatedObject> _created = new();

    public IReadOnlyList<CreatedObject> Created => [.. _created];

    public void Add(CreatedObject created) => _created.Enqueue(created);

    public void Clear() => _created.Clear();
}
