namespace Declarative.Providers.Docker.Images;

/// <summary>Opens a context file for reading; tests count reads through it.</summary>
internal interface IContextFileReader
{
    Stream OpenRead(string fullPath);
}

/// <summary>Reads context files from disk, sequentially, without blocking writers or deleters.</summary>
internal sealed class DiskContextFileReader : IContextFileReader
{
    public static DiskContextFileReader Instance { get; } = new();

    public Stream OpenRead(string fullPath) => new FileStream(fullPath, new FileStreamOptions
    {
        Mode = FileMode.Open,
        Access = FileAccess.Read,
        Share = FileShare.ReadWrite | FileShare.Delete,
        BufferSize = 0,
        Options = FileOptions.SequentialScan,
    });
}
