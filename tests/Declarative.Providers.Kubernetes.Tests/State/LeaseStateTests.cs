using System.Text.Json.Nodes;
using Declarative.Core.State;
using Declarative.Providers.Kubernetes.State;

namespace Declarative.Providers.Kubernetes.Tests.State;

public sealed class LeaseStateTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_holder_identity_is_the_lock_record_as_json_and_reads_back_equal()
    {
        var holder = new LockRecord("alice", "ci-7", 4312, Now.AddTicks(1234567), "decl apply --env dev");

        var state = LeaseState.Read(Lease(LeaseState.HeldSpec(LeaseState.IdentityOf(holder), 60, Now, 2)));

        Assert.Equal(holder, state.Holder);
        Assert.Equal("""{"user":"alice","host":"ci-7","pid":4312,"command":"decl apply --env dev","started":"2025-03-01T10:00:00.1234567Z"}""", state.Identity);
        Assert.Equal(2, state.Transitions);
        Assert.Equal("7", state.ResourceVersion);
    }

    [Fact]
    public void A_lease_expires_its_duration_after_the_last_renewal()
    {
        var state = LeaseState.Read(Lease(LeaseState.HeldSpec("x", 60, Now, 0)));

        Assert.False(state.IsExpired(Now.AddSeconds(60)));
        Assert.True(state.IsExpired(Now.AddSeconds(60.001)));
        Assert.Equal("2025-03-01T10:00:00.000000Z", LeaseState.MicroTime(Now));
    }

    [Fact]
    public void A_released_lease_is_free_and_one_without_times_is_expired()
    {
        var free = LeaseState.Read(Lease(LeaseState.FreeSpec(60, 3)));
        var timeless = LeaseState.Read(Lease(new JsonObject { ["holderIdentity"] = "someone", ["leaseDurationSeconds"] = 60 }));

        Assert.True(free.IsFree);
        Assert.False(timeless.IsFree);
        Assert.True(timeless.IsExpired(Now));
    }

    [Fact]
    public void A_holder_that_is_not_a_declarative_record_is_named_as_written()
    {
        var state = LeaseState.Read(Lease(LeaseState.HeldSpec("controller-7f9c", 60, Now, 0)));

        var error = state.Locked("dev", "declarative-system/decl.shop.dev");

        Assert.Null(state.Holder);
        Assert.Contains("\"controller-7f9c\" (Lease declarative-system/decl.shop.dev), which is not a Declarative lock record", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Lease(JsonObject spec) => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "decl.shop.dev", ["resourceVersion"] = "7" },
        ["spec"] = spec,
    };
}
