using System.Globalization;

namespace Declarative.Kubernetes.ApiServer.Controllers.Workloads;

/// <summary>Enough of resource.Quantity to compare storage sizes: decimal and binary suffixes, plain numbers.</summary>
internal static class Quantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("Pi", 1024m * 1024 * 1024 * 1024 * 1024), ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m), ("P", 1e15m), ("m", 0.001m),
    ];

    /// <summary>The size in bytes; 0 when absent or unreadable.</summary>
    public static decimal Bytes(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        foreach (var (suffix, factor) in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal) && decimal.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var scaled))
            {
                return scaled * factor;
            }
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) ? plain : 0;
    }
}
