using BenchmarkDotNet.Attributes;
using Declarative.Providers.Docker.Images;

namespace Declarative.Benchmarks;

/// <summary>
/// The plan-time Image check on a 10,000-file, 200 MB build context (<see cref="GeneratedBuildContext"/>), beside
/// what it saves: a fully cached classic `docker build` of the same context on the engine at DOCKER_HOST, which
/// must still upload and checksum every byte. The digest with a warm stat cache (nothing changed, so no file is
/// read) against hashing every file; the OS page cache is warm in all three, so "hash every file" measures
/// reading and hashing, not the disk. Each benchmark process generates the context in its setup and deletes
/// it, and the built image, afterwards. The docker benchmark fails its setup when no engine answers.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ImageDigestBenchmarks
{
    private static readonly ImageBuildInputs Inputs = new(new Dictionary<string, string?> { ["VERSION"] = "1" }, "runtime", "linux/amd64");

    /// <summary>A wait for any one engine call; a build of this context takes seconds, so this only stops a hang.</summary>
    private static readonly TimeSpan EngineTimeout = TimeSpan.FromMinutes(5);

    private string _root = string.Empty;
    private string _context = string.Empty;
    private string _cacheFile = string.Empty;
    private BenchmarkImageBuild? _build;

    [GlobalSetup(Targets = [nameof(HashEveryFile), nameof(NoChangeCheckWithWarmStatCache)])]
    public void SetupDigest() => CleanUpIfFailing(async () =>
    {
        ChooseFolders();
        GeneratedBuildContext.Write(_context);

        // Warm the cache once the newest ctime is out of the racy window, so that every file is remembered.
        await Task.Delay(StatCache.RacyWindow + TimeSpan.FromMilliseconds(500));
        var cache = StatCache.Load(_cacheFile, _context);
        await InputDigest.ComputeAsync(BuildContext.Load(_context), Inputs, cache, CancellationToken.None);
        await cache.SaveAsync(CancellationToken.None);
        if (cache.Count != GeneratedBuildContext.FilesWithDockerfile)
        {
            throw new InvalidOperationException($"The warm cache holds {cache.Count} files, expected {GeneratedBuildContext.FilesWithDockerfile} (the generated files and the Dockerfile).");
        }
    });

    [GlobalSetup(Target = nameof(CachedDockerBuild))]
    public void SetupDockerBuild() => CleanUpIfFailing(SetupDockerBuildAsync);

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

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

    /// <summary>A build the engine answers entirely from its cache; one that is not fails the run rather than
    /// measuring something else.</summary>
    [Benchmark]
    public async Task<string> CachedDockerBuild()
    {
        using var timeout = new CancellationTokenSource(EngineTimeout);
        var outcome = await _build!.BuildAsync(timeout.Token);
        return outcome.FullyCached ? outcome.ImageId! : throw NotCached("A measured build", outcome);
    }

    private async Task SetupDockerBuildAsync()
    {
        // The engine first: without one there is nothing to generate the context for.
        ChooseFolders();
        using var timeout = new CancellationTokenSource(EngineTimeout);
        _build = await BenchmarkImageBuild.ConnectAsync(_context, "decl-bench-image-digest:" + Path.GetFileName(_root), timeout.Token);
        GeneratedBuildContext.Write(_context);

        // The first build fills the cache (or finds it filled by an identical earlier run); the second must be
        // answered from it, or the measured builds would not be the no-change case.
        var prime = await _build.BuildAsync(timeout.Token);
        if (prime.Error is not null || prime.ImageId is null)
        {
            throw new InvalidOperationException($"The priming build of {_context} on the engine failed: {prime.Error ?? "no image was reported"}. Output:\n{prime.Output}");
        }

        var check = await _build.BuildAsync(timeout.Token);
        if (!check.FullyCached)
        {
            throw NotCached("The build after priming", check);
        }
    }

    private async Task CleanupAsync()
    {
        var build = _build;
        _build = null;
        try
        {
            if (build is not null)
            {
                await using (build)
                {
                    using var timeout = new CancellationTokenSource(EngineTimeout);
                    await build.RemoveImageAsync(timeout.Token);
                }
            }
        }
        finally
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
    }

    /// <summary>Runs a setup; if it fails, removes what it made before rethrowing: the cleanup cannot be relied on
    /// to run after a failed setup (the benchmark process ends with the exception).</summary>
    private void CleanUpIfFailing(Func<Task> setup)
    {
        try
        {
            setup().GetAwaiter().GetResult();
        }
        catch
        {
            CleanupAsync().GetAwaiter().GetResult();
            throw;
        }
    }

    private void ChooseFolders()
    {
        _root = Path.Combine(Path.GetTempPath(), "decl-bench-image-" + Guid.NewGuid().ToString("N")[..8]);
        _context = Path.Combine(_root, "context");
        _cacheFile = Path.Combine(_root, "cache", StatCache.FileNameFor(_context));
    }

    private static InvalidOperationException NotCached(string which, ClassicBuildOutcome outcome) => new(
        $"{which} was not answered from the engine's build cache (uncached steps: {string.Join("; ", outcome.UncachedSteps)}; error: {outcome.Error ?? "none"}), so it would not measure a no-change build. "
        + $"Check that nothing else changes the context or prunes the build cache during the run. Output:\n{outcome.Output}");
}
