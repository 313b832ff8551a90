namespace Declarative.Kubernetes.ApiServer.Admission.Allocation;

/// <summary>
/// A thread-safe set of numbered slots (cluster IP offsets, node ports) handed out from a rolling cursor, so a
/// freed slot is not reused at once, as the real allocators avoid quick reuse too. Dry runs look without taking.
/// </summary>
internal sealed class Pool(int first, int last, int start)
{
    private readonly HashSet<int> _taken = [];
    private readonly Lock _gate = new();
    private int _cursor = start;

    public bool Contains(int slot) => slot >= first && slot <= last;

    /// <summary>Takes <paramref name="slot"/>; false when someone holds it already.</summary>
    public bool TryTake(int slot, bool dryRun)
    {
        lock (_gate)
        {
            return dryRun ? !_taken.Contains(slot) : _taken.Add(slot);
        }
    }

    /// <summary>The next free slot after the cursor, wrapping around; null when the pool is full. A dry run
    /// names in <paramref name="alsoTaken"/> what it already picked without taking.</summary>
    public int? TakeNext(bool dryRun, IEnumerable<int> alsoTaken)
    {
        var pending = alsoTaken.ToHashSet();
        lock (_gate)
        {
            var size = last - first + 1;
            for (var step = 0; step < size; step++)
            {
                var slot = first + ((_cursor - first + step) % size);
                if (_taken.Contains(slot) || pending.Contains(slot))
                {
                    continue;
                }

                if (!dryRun)
                {
                    _taken.Add(slot);
                    _cursor = slot + 1 > last ? first : slot + 1;
                }

                return slot;
            }

            return null;
        }
    }

    public void Free(int slot)
    {
        lock (_gate)
        {
            _taken.Remove(slot);
        }
    }

    public bool IsTaken(int slot)
    {
        lock (_gate)
        {
            return _taken.Contains(slot);
        }
    }
}
