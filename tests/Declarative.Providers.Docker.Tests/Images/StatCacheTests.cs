using System.Text.Json;
using Declarative.Providers.Docker.Images;

namespace Declarative.Providers.Docker.Tests.Images;

public sealed class StatCacheTests
{
    private static readonly ImageBuildInputs Inputs = new(Target: "app");

    [Fact]
    public async Task A_warm_cache_reads_no_file_and_gives_the_same_digest()
    {
        using var context = InputDigestTests.Golden();
        var cold = await Check(context, FixedClock.Later);

        var warm = await Check(context, FixedClock.Later);

        Assert.Equal([".dockerignore", "Dockerfile", "app/main.txt", "app/naïve ü.txt", "app/run.sh"], cold.Reads);
        Assert.Empty(warm.Reads);
        Assert.Equal(cold.Digest, warm.Digest);
        Assert.Equal(cold.Digest, await InputDigest.ComputeAsync(context.Load(), Inputs, null, CancellationToken.None));
    }

    [Fact]
    public async Task Touching_a_file_keeps_the_digest_and_rereads_only_that_file_once()
    {
        using var context = InputDigestTests.Golden();
        var before = await Check(context, FixedClock.Later);

        File.SetLastWriteTimeUtc(context.PathOf("app/main.txt"), new DateTime(2021, 6, 7, 8, 9, 10, DateTimeKind.Utc));
        var touched = await Check(context, FixedClock.Later);
        var after = await Check(context, FixedClock.Later);

        Assert.Equal(["app/main.txt"], touched.Reads);
        Assert.Equal(before.Digest, touched.Digest);
        Assert.Empty(after.Reads);
    }

    [Fact]
    public async Task A_changed_file_is_reread_and_changes_the_digest()
    {
        using var context = InputDigestTests.Golden();
        var before = await Check(context, FixedClock.Later);

        context.Write("app/main.txt", "changed\n");
        var after = await Check(context, FixedClock.Later);

        Assert.Equal(["app/main.txt"], after.Reads);
        Assert.NotEqual(before.Digest, after.Digest);
    }

    [LinuxFact]
    public async Task A_file_rewritten_with_the_same_size_and_old_mtime_is_reread_because_its_ctime_changed()
    {
        using var context = InputDigestTests.Golden();
        var before = await Check(context, FixedClock.Later);
        var mtime = File.GetLastWriteTimeUtc(context.PathOf("app/main.txt"));

        File.WriteAllText(context.PathOf("app/main.txt"), "HELLO\n");
        File.SetLastWriteTimeUtc(context.PathOf("app/main.txt"), mtime);
        var after = await Check(context, FixedClock.Later);

        Assert.Equal(["app/main.txt"], after.Reads);
        Assert.NotEqual(before.Digest, after.Digest);
    }

    [Fact]
    public async Task Racily_clean_files_are_not_remembered()
    {
        using var context = InputDigestTests.Golden();
        var justAfterWriting = new FixedClock(DateTimeOffset.UtcNow);
        File.SetLastWriteTimeUtc(context.PathOf("app/run.sh"), DateTime.UtcNow);

        var first = await Check(context, justAfterWriting);
        var second = await Check(context, justAfterWriting);

        // Every file's ctime is "just now" (the test wrote them), so none may be trusted yet.
        Assert.Equal(first.Reads, second.Reads);
        Assert.Contains("app/run.sh", second.Reads);
        Assert.Equal(first.Digest, second.Digest);
    }

    [Fact]
    public async Task A_corrupt_cache_file_is_ignored()
    {
        using var context = InputDigestTests.Golden();
        var cacheFile = CacheFile(context);
        await File.WriteAllTextAsync(cacheFile, "{\"format\": \"declarative.dev/image-stat-cache/v1\", \"entries\": [");

        var check = await Check(context, FixedClock.Later);

        Assert.Equal(5, check.Reads.Count);
        using var saved = JsonDocument.Parse(await File.ReadAllTextAsync(cacheFile));
        Assert.Equal(5, saved.RootElement.GetProperty("entries").GetArrayLength());
    }

    [Theory]
    [InlineData("declarative.dev/image-stat-cache/v0")]
    [InlineData("declarative.dev/image-stat-cache/v2")]
    public async Task A_cache_file_of_another_format_is_ignored(string format)
    {
        using var context = InputDigestTests.Golden();
        await Check(context, FixedClock.Later);
        var cacheFile = CacheFile(context);
        await File.WriteAllTextAsync(cacheFile, (await File.ReadAllTextAsync(cacheFile)).Replace("declarative.dev/image-stat-cache/v1", format, StringComparison.Ordinal));

        Assert.Equal(5, (await Check(context, FixedClock.Later)).Reads.Count);
    }

    [Fact]
    public async Task A_cache_file_of_another_context_folder_is_ignored()
    {
        using var first = InputDigestTests.Golden();
        using var second = InputDigestTests.Golden();
        await Check(first, FixedClock.Later);
        File.Copy(CacheFile(first), CacheFile(second));

        Assert.Equal(5, (await Check(second, FixedClock.Later)).Reads.Count);
    }

    [Fact]
    public async Task Saving_replaces_the_file_and_leaves_no_temporary_file()
    {
        using var context = InputDigestTests.Golden();
        await Check(context, FixedClock.Later);
        context.Write("app/main.txt", "changed\n");

        await Check(context, FixedClock.Later);

        Assert.Equal([CacheFile(context)], Directory.GetFiles(Path.GetDirectoryName(CacheFile(context))!));
    }

    [Fact]
    public async Task Drops_entries_of_files_that_left_the_context()
    {
        using var context = InputDigestTests.Golden().Write("gone.txt", "x");
        await Check(context, FixedClock.Later);

        File.Delete(context.PathOf("gone.txt"));
        await Check(context, FixedClock.Later);

        var saved = await File.ReadAllTextAsync(CacheFile(context));
        Assert.DoesNotContain("gone.txt", saved, StringComparison.Ordinal);
        Assert.Contains("app/main.txt", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Does_not_rewrite_an_unchanged_cache()
    {
        using var context = InputDigestTests.Golden();
        await Check(context, FixedClock.Later);
        var written = File.GetLastWriteTimeUtc(CacheFile(context));
        File.SetLastWriteTimeUtc(CacheFile(context), written.AddDays(-1));

        await Check(context, FixedClock.Later);

        Assert.Equal(written.AddDays(-1), File.GetLastWriteTimeUtc(CacheFile(context)));
    }

    [Fact]
    public void Names_the_cache_file_after_the_absolute_context_folder()
    {
        var name = StatCache.FileNameFor("/projects/shop/api");

        Assert.Matches("^[0-9a-f]{16}\\.json$", name);
        Assert.Equal(name, StatCache.FileNameFor("/projects/shop/api/"));
        Assert.NotEqual(name, StatCache.FileNameFor("/projects/shop/web"));
    }

    private static string CacheFile(TestContext context)
    {
        var folder = Directory.CreateDirectory(Path.Combine(context.Outside, "cache")).FullName;
        return Path.Combine(folder, StatCache.FileNameFor(context.Root));
    }

    // One plan-time check as the provider does it: load the context and the cache, digest, save.
    private static async Task<(InputDigest Digest, IReadOnlyList<string> Reads)> Check(TestContext context, TimeProvider clock)
    {
        var cache = StatCache.Load(CacheFile(context), context.Root, clock);
        var reader = new CountingReader(context.Root);
        var digest = await InputDigest.ComputeAsync(context.Load(), Inputs, cache, reader, CancellationToken.None);
        await cache.SaveAsync(CancellationToken.None);
        return (digest, reader.Reads);
    }
}
