using Declarative.Core.State;
using static Declarative.Testing.StateContract.StateStoreSamples;

namespace Declarative.Core.Tests.State;

/// <summary>What the run that takes over says about a pending revision whose run died (docs/apply.md, "Interrupts").</summary>
public sealed class AbandonedRevisionTests
{
    [Fact]
    public void Names_who_when_the_command_and_what_was_recorded_against_the_revision_before()
    {
        var previous = Revision(1, RevisionStatus.Deployed, ConfigMap("kept"), ConfigMap("changed"), ConfigMap("pruned"));
        var pending = Revision(2, RevisionStatus.Pending, ConfigMap("kept"), ConfigMap("changed", "v2"), ConfigMap("added")) with
        {
            Summary = new RevisionSummary(2, 1, 0, 1, 1),
        };

        var text = AbandonedRevision.Describe(pending, previous);

        Assert.Equal(
            "Revision 2 (decl apply --env dev --set image.tag=***, by alice, started 2025-03-01 10:02:00Z) was left pending by a run that stopped before finishing; "
            + "it had recorded 3 of its 4 planned changes: ConfigMap/default/added, ConfigMap/default/changed, ConfigMap/default/pruned. "
            + "It is now marked failed, and this run takes over.",
            text);
    }

    [Fact]
    public void A_first_revision_that_recorded_nothing_says_so()
    {
        var pending = Revision(1, RevisionStatus.Pending) with { Summary = new RevisionSummary(3, 0, 0, 0, 0) };

        Assert.Contains("; it had recorded none of its 3 planned changes.", AbandonedRevision.Describe(pending, null), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_ten_addresses_at_most()
    {
        var pending = Revision(1, RevisionStatus.Pending, [.. Enumerable.Range(1, 12).Select(i => ConfigMap($"cm-{i:00}"))]);

        var text = AbandonedRevision.Describe(pending, null);

        Assert.Contains("it had recorded 12 of its 12 planned changes: ConfigMap/default/cm-01, ", text, StringComparison.Ordinal);
        Assert.Contains("ConfigMap/default/cm-10 and 2 more.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cm-11", text, StringComparison.Ordinal);
    }
}
