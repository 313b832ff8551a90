using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Declarative.Providers.Kubernetes.State;

namespace Declarative.Providers.Kubernetes.Tests.State;

public sealed class SecretPayloadTests
{
    [Fact]
    public void A_payload_is_compressed_split_at_the_chunk_size_and_reassembled_equal()
    {
        var content = RandomNumberGenerator.GetBytes(10_000);

        var payload = SecretPayload.Of(content, 4096);

        Assert.Equal(3, payload.Parts.Length);
        Assert.All(payload.Parts, p => Assert.True(p.Length <= 4096));
        Assert.Equal(content, SecretPayload.Assemble(Parts(payload), payload.Parts.Length, payload.Checksum, Fail));
    }

    [Fact]
    public void An_empty_payload_is_one_part()
    {
        var payload = SecretPayload.Of([], 4096);

        Assert.Single(payload.Parts);
        Assert.Empty(SecretPayload.Assemble(Parts(payload), 1, payload.Checksum, Fail));
    }

    [Fact]
    public void A_missing_part_is_reported_with_the_parts_found()
    {
        var payload = SecretPayload.Of(RandomNumberGenerator.GetBytes(10_000), 4096);

        var error = Assert.Throws<InvalidDataException>(() => SecretPayload.Assemble(Parts(payload).Where(p => p.Index != 1).ToList(), 3, payload.Checksum, Fail));

        Assert.Contains("part(s) 1 are missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("s.p0, s.p2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_data_fails_the_checksum()
    {
        var payload = SecretPayload.Of(RandomNumberGenerator.GetBytes(10_000), 4096);
        var parts = Parts(payload);
        payload.Parts[2][0] ^= 0xff;
        parts[2] = (2, Part(payload, 2));

        var error = Assert.Throws<InvalidDataException>(() => SecretPayload.Assemble(parts, 3, payload.Checksum, Fail));

        Assert.Contains("do not match their checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_part_of_another_write_is_refused()
    {
        var first = SecretPayload.Of(RandomNumberGenerator.GetBytes(10_000), 4096);
        var second = SecretPayload.Of(RandomNumberGenerator.GetBytes(10_000), 4096);
        var parts = Parts(first);
        parts[1] = (1, Part(second, 1));

        var error = Assert.Throws<InvalidDataException>(() => SecretPayload.Assemble(parts, 3, first.Checksum, Fail));

        Assert.Contains("s.p1 belongs to another write", error.Message, StringComparison.Ordinal);
    }

    private static List<(int Index, JsonObject Secret)> Parts(SecretPayload payload) =>
        [.. payload.Parts.Select((_, i) => (i, Part(payload, i)))];

    private static JsonObject Part(SecretPayload payload, int index) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["name"] = $"s.p{index}",
            ["annotations"] = new JsonObject { [StateLabels.Parts] = payload.Parts.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), [StateLabels.Checksum] = payload.Checksum },
        },
        ["data"] = SecretPayload.Data(payload.Parts[index]),
    };

    private static InvalidDataException Fail(string problem, Exception? inner) => new(problem, inner);
}
