using System.Globalization;
using System.Text;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>The name hashes controllers use: FNV-1a 32 rendered with apimachinery's rand.SafeEncodeString
/// alphabet (no vowels, no confusable digits), so names look like <c>web-7d4b9c8f6c</c>.</summary>
internal static class Hashing
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static uint Fnv32a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619u;
        }

        return hash;
    }

    /// <summary>The decimal digits of the hash, each mapped into the safe alphabet (as a ControllerRevision name).</summary>
    public static string SafeHash(string text) =>
        SafeEncode(Fnv32a(text).ToString(CultureInfo.InvariantCulture));

    /// <summary>A five-character suffix like generateName's (<c>web-5d9c7-x2k8q</c>), stable for the same input.</summary>
    public static string Suffix(string seed)
    {
        var hash = Fnv32a(seed);
        var chars = new char[5];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[(int)(hash % (uint)Alphabet.Length)];
            hash = (hash / (uint)Alphabet.Length) ^ (hash * 2654435761u);
        }

        return new string(chars);
    }

    /// <summary>A pod IP in kind's pod network 10.244.0.0/16, stable for the same pod name.</summary>
    public static string PodIp(string podName)
    {
        var hash = Fnv32a(podName);
        return string.Create(CultureInfo.InvariantCulture, $"10.244.{(hash >> 8) % 250}.{2 + (hash % 250)}");
    }

    private static string SafeEncode(string digits) =>
        new([.. digits.Select(c => Alphabet[c % Alphabet.Length])]);
}
