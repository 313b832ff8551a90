using System.Globalization;

namespace Declarative.Core.Manifests.Yaml;

/// <summary>Mapping keys as sigs.k8s.io/yaml turns them into JSON object keys.</summary>
internal static class KeyFormatter
{
    /// <summary>The key text, or null for a null key (which kubectl rejects).</summary>
    public static string? Format(ResolvedScalar key) => key.Value switch
    {
        null => null,
        string text => text,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        ulong u => u.ToString(CultureInfo.InvariantCulture),
        double d => GoNumbers.FormatFloatKey(d),
        _ => key.Text,
    };
}
