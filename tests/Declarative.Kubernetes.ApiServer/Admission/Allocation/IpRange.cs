using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Declarative.Kubernetes.ApiServer.Admission.Allocation;

/// <summary>The Service CIDR, 10.96.0.0/12 as kubeadm sets it, with IPv4 addresses as offsets into it.</summary>
internal static class IpRange
{
    public const string Cidr = "10.96.0.0/12";

    public const uint Size = 1u << 20;

    private const uint Base = (10u << 24) | (96u << 16);

    public static bool TryParse(string text, out uint address)
    {
        address = 0;
        if (text.Split('.').Length != 4 || !IPAddress.TryParse(text, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var bytes = ip.GetAddressBytes();
        address = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        return true;
    }

    /// <summary>The offset of an address in the range; null outside it, or for the network and broadcast addresses.</summary>
    public static uint? OffsetOf(uint address)
    {
        var offset = address - Base;
        return address >= Base && offset > 0 && offset < Size - 1 ? offset : null;
    }

    public static string Text(uint offset)
    {
        var address = Base + offset;
        return string.Join('.', new[] { address >> 24, (address >> 16) & 255, (address >> 8) & 255, address & 255 }.Select(b => b.ToString(CultureInfo.InvariantCulture)));
    }
}
