using System.Globalization;
using BenchmarkDotNet.Attributes;
using Declarative.Providers.Docker.Images;

namespace Declarative.Benchmarks;

/// <summary>
/// The plan-time Image check on a 10,000-file, 200 MB build context: with a warm stat cache (nothing changed,
/// so no file is read) against hashing every file (the OS page cache is warm in both, so "cold" measures
/// reading and hashing, not the disk). The context is generated in the setup of each benchmark process and
/// deleted afterwards.
/// </summary>
[MemoryDiagnoser]
public class ImageDigestBenchmarks
{
    private const int Files = 10_000;
    private const int Folders = 100;
    private const long TotalBytes = 200L * 1024 * 1024;

    private static readonly ImageBuildInputs Inputs = new(new Dictionary<string, string?> { ["VERSION"] = "1" }, "runtime", "linux/amd64");

    private string _root = string.Empty;
    private string _context = string.Empty;
    private string _cacheFile = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "decl-bench-image-" + Guid.NewGuid().ToString("N")[..8]);
        _context = Path.Combine(_root, "context");
        _cacheFile = Path.Combine(_root, "cache", StatCache.FileNameFor(_context));
        Generate(_context);

        // Warm the cache once the newest ctime is out of the racy window, so that every file is remembered.
        Thread.Sleep(StatCache.RacyWindow + TimeSpan.FromMilliseconds(500));
        var cache = StatCache.Load(_cacheFile, _context);
        InputDigest.ComputeAsync(BuildContext.Load(_context), Inputs, cache, CancellationToken.None).GetAwaiter().GetResult();
        cache.SaveAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (cache.Count != Files + 1)
        {
            throw new InvalidOperationException($"The warm cache holds {cache.Count} files, expected {Files + 1}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Baseline = true)]
    public async Task<string> HashEveryFile()
    {
        var digest = await InputDigest.ComputeAsync(BuildContext.Load(_context), Inputs, null, CancellationToken.None);
        return digest.Tag;
    }

    [Benchmark]
    public async Task<string> NoChangeCheckWithWarmStatCache()
    {
        var cache = StatCache.Load(_cacheFile, _context);
        var digest = await InputDigest.ComputeAsync(BuildContext.Load(_context), Inputs, cache, CancellationToken.None);
        await cache.SaveAsync(CancellationToken.None);
        return digest.Tag;
    }

    private static void Generate(string context)
    {
        var random = new Random(42);
        var past = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Directory.CreateDirectory(context);
        File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM scratch\nCOPY . /app\n");
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
