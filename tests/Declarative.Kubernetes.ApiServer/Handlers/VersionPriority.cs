using System.Globalization;
using System.Text.RegularExpressions;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>Kube-aware version order (v2 before v1 before v1beta2 before v1beta1 before v1alpha1 before others).</summary>
internal static partial class VersionPriority
{
    /// <summary>Lower ranks first.</summary>
    public static (int Stability, int Major, int Minor, string Name) Rank(string version)
    {
        var match = KubeVersion().Match(version);
        if (!match.Success)
        {
            return (3, 0, 0, version);
        }

        var major = int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture);
        var stability = match.Groups["stability"].Value switch { "" => 0, "beta" => 1, _ => 2 };
        var minor = match.Groups["minor"].Success ? int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture) : 0;
        return (stability, -major, -minor, version);
    }

    [GeneratedRegex(@"^v(?<major>\d+)(?:(?<stability>alpha|beta)(?<minor>\d+))?$")]
    private static partial Regex KubeVersion();
}
