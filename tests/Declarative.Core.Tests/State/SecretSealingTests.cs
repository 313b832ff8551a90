using Declarative.Testing.StateContract;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Core.State;
using static Declarative.Testing.StateContract.StateStoreSamples;

namespace Declarative.Core.Tests.State;

public sealed class SecretSealingTests : IDisposable
{
    private readonly StoreFixture fixture = new();

    [Fact]
    public async Task Secret_values_are_never_in_clear_in_the_file()
    {
        await fixture.Store().SaveAsync(Revision(1, RevisionStatus.Deployed, Secret()), CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(fixture.PathOf("revision-000001.json"));
        var text = Encoding.UTF8.GetString(bytes);

        foreach (var secret in new[] { Password, StringDataToken, "5432" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), text, StringComparison.Ordinal);
        }

        Assert.Contains("\"$sealed\"", text, StringComparison.Ordinal);
        Assert.Contains("\"password\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secret_values_read_back_with_the_key()
    {
        var revision = Revision(1, RevisionStatus.Deployed, Secret(), ConfigMap("web"));
        await fixture.Store().SaveAsync(revision, CancellationToken.None);

        var read = await fixture.Store().GetAsync(1, CancellationToken.None);

        StateStoreSamples.AssertSameRevision(revision, read!);
        Assert.False(SealedValues.IsMasked(read!.Inventory.Single(e => e.Address == SecretAddress)));
    }

    [Fact]
    public async Task Secret_values_read_as_sensitive_without_the_key()
    {
        await fixture.Store().SaveAsync(Revision(1, RevisionStatus.Deployed, Secret()), CancellationToken.None);

        var read = await fixture.Store(key: null).GetAsync(1, CancellationToken.None);

        var secret = read!.Inventory.Single();
        StoreFixture.AssertJson(
            JsonNode.Parse("""{"password":"(sensitive)","port":"(sensitive)"}""")!,
            secret.Applied.Object["data"]!);
        Assert.Equal(SensitiveValues.Mask, (string?)secret.Applied.Object["stringData"]!["token"]);
        Assert.Equal("Opaque", (string?)secret.Applied.Object["type"]);
        Assert.True(SealedValues.IsMasked(secret));
    }

    [Fact]
    public async Task Another_key_cannot_open_the_secret_values()
    {
        await fixture.Store().SaveAsync(Revision(1, RevisionStatus.Deployed, Secret()), CancellationToken.None);

        var error = await Assert.ThrowsAsync<StateFileException>(() => fixture.Store(StateKey.Generate()).GetAsync(1, CancellationToken.None));

        Assert.Equal(fixture.PathOf("revision-000001.json"), error.Path);
        Assert.Equal("Cannot decrypt secret values in the state", error.Summary);
        Assert.StartsWith("Use the key that wrote this state", error.Details[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_without_a_key_refuses_to_write_secret_values()
    {
        var store = fixture.Store(key: null);

        var error = await Assert.ThrowsAsync<StateKeyException>(() => store.SaveAsync(Revision(1, RevisionStatus.Deployed, Secret()), CancellationToken.None));

        Assert.Equal("No state key to seal secret values", error.Summary);
        Assert.False(File.Exists(fixture.PathOf("revision-000001.json")));
    }

    [Fact]
    public async Task A_store_without_a_key_writes_revisions_without_secrets()
    {
        var store = fixture.Store(key: null);
        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("web")), CancellationToken.None);

        Assert.Single((await store.GetAsync(1, CancellationToken.None))!.Inventory);
    }

    [Fact]
    public void Equal_values_have_equal_hmacs_and_different_ciphertexts()
    {
        var sealer = new SecretSealer(fixture.Key);

        var first = sealer.SealValue(JsonValue.Create(Password));
        var second = sealer.SealValue(JsonValue.Create(Password));

        Assert.Equal((string?)first["$sealed"]!["hmac"], (string?)second["$sealed"]!["hmac"]);
        Assert.Equal(sealer.Hmac(JsonValue.Create(Password)), (string?)first["$sealed"]!["hmac"]);
        Assert.NotEqual((string?)first["$sealed"]!["ct"], (string?)second["$sealed"]!["ct"]);
        Assert.NotEqual(sealer.Hmac(JsonValue.Create(Password)), sealer.Hmac(JsonValue.Create("other")));
    }

    [Fact]
    public void Seals_only_the_values_under_sensitive_paths()
    {
        var sealer = new SecretSealer(fixture.Key);
        var secret = Secret().Applied.Object;

        var sealedObject = sealer.Seal(secret, ["data"]);

        Assert.True(SealedValues.IsSealed(sealedObject["data"]!["password"]));
        Assert.Equal(StringDataToken, (string?)sealedObject["stringData"]!["token"]);
        Assert.Equal(Password, (string?)secret["data"]!["password"]);
        StoreFixture.AssertJson(secret, sealer.Unseal(sealedObject));
    }

    public void Dispose() => fixture.Dispose();
}
