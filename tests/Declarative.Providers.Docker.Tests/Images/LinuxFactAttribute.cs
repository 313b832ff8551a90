namespace Declarative.Providers.Docker.Tests.Images;

/// <summary>A fact about Linux-only behaviour (statx's ctime and inode); skipped elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Needs Linux: ctime and inode come from statx.";
        }
    }
}
