using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Core.Planning.Engine;

/// <summary>
/// Asks the providers that know (<see cref="IDeleteCascadeProvider"/>) what each planned delete would take with it
/// besides the environment's own objects, and sets it on the change with a note, so the plan shows it and the
/// operation can refuse it without <c>--allow-cascade</c>.
/// </summary>
internal static class DeleteCascades
{
    public static async Task<ImmutableArray<ResourceChange>> AddAsync(
        IReadOnlyDictionary<string, IResourceProvider> providers,
        ImmutableArray<ResourceChange> changes,
        IReadOnlySet<ResourceAddress> owned,
        CancellationToken cancellationToken)
    {
        var result = changes.ToBuilder();
        for (var i = 0; i < result.Count; i++)
        {
            var change = result[i];
            if (change.Action != ChangeAction.Delete || change.Change.Live is not { } live
                || providers.GetValueOrDefault(change.Provider) is not IDeleteCascadeProvider cascading)
            {
                continue;
            }

            var cascade = await cascading.ReadCascadeAsync(live, owned, cancellationToken).ConfigureAwait(false);
            if (cascade is { IsEmpty: false })
            {
                var notes = change.Change.Notes.IsDefault ? [] : change.Change.Notes;
                result[i] = change with
                {
                    Change = change.Change with { Cascade = cascade, Notes = notes.Add(new ChangeNote(null, $"deleting it also deletes {cascade.Describe()}")) },
                };
            }
        }

        return result.ToImmutable();
    }
}
