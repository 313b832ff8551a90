using System.Globalization;

namespace Declarative.Benchmarks;

/// <summary>
/// A build context of <see cref="Files"/> random files (<see cref="TotalBytes"/> in all, 50–150 % of the average
/// size each, in <see cref="Folders"/> folders) plus a Dockerfile that copies all of it, the same bytes on every
/// run (fixed seed, fixed mtime), so runs on different days measure the same work.
/// </summary>
internal static class GeneratedBuildContext
{
    public const int Files = 10_000;
    public const int Folders = 100;
    public const long TotalBytes = 200L * 1024 * 1024;

    /// <summary>COPY reads every byte of the context, so a cached build must checksum the whole context.</summary>
    public const string Dockerfile = "FROM scratch\nCOPY . /ctx/\n";

    /// <summary>How many files the context holds with its Dockerfile (folders not counted).</summary>
    public const int FilesWithDockerfile = Files + 1;

    public static void Write(string context)
    {
        var random = new Random(42);
        var past = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Directory.CreateDirectory(context);
        File.WriteAllText(Path.Combine(context, "Dockerfile"), Dockerfile);
        var averageSize = (int)(TotalBytes / Files);
        var buffer = new byte[averageSize * 2];
        for (var i = 0; i < Files; i++)
        {
            var folder = Path.Combine(context, "src", "pkg" + (i % Folders).ToString("D3", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var size = (averageSize / 2) + random.Next(averageSize);
            random.NextBytes(buffer.AsSpan(0, size));
            var file = Path.Combine(folder, "file" + i.ToString("D5", CultureInfo.InvariantCulture) + ".bin");
            using (var stream = File.Create(file))
            {
                stream.Write(buffer, 0, size);
            }

            File.SetLastWriteTimeUtc(file, past);
        }
    }
}
