using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Declarative.Core.State;

/// <summary>
/// Seals secret values with a <see cref="StateKey"/>: each scalar under a sensitive path becomes
/// <c>{"$sealed": {"v":1,"nonce","ct","tag","hmac"}}</c>, the AES-256-GCM ciphertext of the value's JSON text
/// (random 96-bit nonce) plus a keyed HMAC-SHA256 of that text, so two sealed values can be compared without
/// decrypting. The encryption and HMAC keys are derived from the state key with HKDF-SHA256. Thread-safe.
/// </summary>
public sealed class SecretSealer
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] encryptionKey;
    private readonly byte[] hmacKey;

    public SecretSealer(StateKey key)
    {
        encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Bytes.Span.ToArray(), 32, [], "declarative state seal v1"u8.ToArray());
        hmacKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Bytes.Span.ToArray(), 32, [], "declarative state hmac v1"u8.ToArray());
    }

    /// <summary>A copy of <paramref name="content"/> with every scalar under <paramref name="sensitivePaths"/>
    /// (display paths, <see cref="Planning.FieldPath"/>) sealed; keys stay visible.</summary>
    public JsonObject Seal(JsonObject content, IReadOnlyCollection<string> sensitivePaths) =>
        SealedValues.MapSensitiveLeaves(content, sensitivePaths, SealValue);

    /// <summary>A copy of <paramref name="content"/> with every sealed value decrypted.</summary>
    /// <exception cref="CryptographicException">A value was sealed with another key, or was altered.</exception>
    public JsonObject Unseal(JsonObject content) => SealedValues.MapSealed(content, Open);

    /// <summary>The keyed HMAC of a value (base64), as stored in its seal: equal values have equal HMACs.</summary>
    public string Hmac(JsonNode value) => Convert.ToBase64String(HMACSHA256.HashData(hmacKey, Plaintext(value)));

    /// <summary>The seal of one value.</summary>
    public JsonObject SealValue(JsonNode value)
    {
        var plaintext = Plaintext(value);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(encryptionKey, TagSize))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
        }

        return new JsonObject
        {
            [SealedValues.Marker] = new JsonObject
            {
                ["v"] = 1,
                ["nonce"] = Convert.ToBase64String(nonce),
                ["ct"] = Convert.ToBase64String(ciphertext),
                ["tag"] = Convert.ToBase64String(tag),
                ["hmac"] = Convert.ToBase64String(HMACSHA256.HashData(hmacKey, plaintext)),
            },
        };
    }

    private JsonNode? Open(JsonObject seal)
    {
        var nonce = SealedValues.Field(seal, "nonce");
        var ciphertext = SealedValues.Field(seal, "ct");
        var tag = SealedValues.Field(seal, "tag");
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(encryptionKey, TagSize))
        {
            aes.Decrypt(nonce, ciphertext, tag, plaintext);
        }

        return JsonNode.Parse(plaintext);
    }

    private static byte[] Plaintext(JsonNode value) => Encoding.UTF8.GetBytes(value.ToJsonString());
}
