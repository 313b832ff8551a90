using System.Formats.Tar;
using System.Text;
using Declarative.Providers.Docker.Images;

namespace Declarative.Providers.Docker.Tests.Images;

public sealed class ContextTarTests
{
    [Fact]
    public async Task Writes_every_entry_in_order_as_gnu_tar_with_normalized_owners()
    {
        using var context = InputDigestTests.Golden().Write(".dockerignore", "*.log\n").Write("skip.log", "x");
        var loaded = context.Load();

        var entries = await ReadBack(await Tar(loaded));

        Assert.Equal(
            [".dockerignore", "Dockerfile", "app/", "app/current", "app/empty/", "app/main.txt", "app/naïve ü.txt", "app/run.sh"],
            entries.Select(e => e.Name));
        Assert.All(entries, e =>
        {
            Assert.Equal(TarEntryFormat.Gnu, e.Format);
            Assert.Equal(0, e.Uid);
            Assert.Equal(0, e.Gid);
            Assert.Equal(string.Empty, e.UserName);
            Assert.Equal(string.Empty, e.GroupName);
        });
    }

    [Fact]
    public async Task Keeps_types_permissions_link_targets_content_and_mtime()
    {
        using var context = InputDigestTests.Golden();

        var entries = (await ReadBack(await Tar(context.Load()))).ToDictionary(e => e.Name);

        Assert.Equal(TarEntryType.Directory, entries["app/"].Type);
        Assert.Equal((UnixFileMode)0x1ED, entries["app/"].Mode);
        Assert.Equal(TarEntryType.SymbolicLink, entries["app/current"].Type);
        Assert.Equal("main.txt", entries["app/current"].LinkName);
        Assert.Equal(TarEntryType.RegularFile, entries["app/run.sh"].Type);
        Assert.Equal((UnixFileMode)0x1ED, entries["app/run.sh"].Mode);
        Assert.Equal("#!/bin/sh\necho hi\n", entries["app/run.sh"].Text);
        Assert.Equal((UnixFileMode)0x1A4, entries["app/main.txt"].Mode);
        Assert.Equal("hello\n", entries["app/main.txt"].Text);
        Assert.Equal("ü\n", entries["app/naïve ü.txt"].Text);
        Assert.Equal(new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.Zero), entries["app/main.txt"].Modified);
    }

    [Fact]
    public async Task Writes_paths_longer_than_ustar_allows()
    {
        var longPath = string.Join('/', Enumerable.Repeat("a-rather-long-folder-name", 12)) + "/file.txt";
        using var context = new TestContext(("Dockerfile", "FROM scratch\n"), (longPath, "deep"));

        var entries = await ReadBack(await Tar(context.Load()));

        Assert.Equal("deep", entries.Single(e => e.Name == longPath).Text);
    }

    [Fact]
    public async Task Streams_the_same_bytes_through_a_readable_stream()
    {
        using var context = InputDigestTests.Golden();
        var tar = new ContextTar(context.Load());

        using var copy = new MemoryStream();
        await using (var stream = tar.OpenRead(CancellationToken.None))
        {
            await stream.CopyToAsync(copy);
        }

        Assert.Equal(await Tar(context.Load()), copy.ToArray());
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_fails_the_readable_stream_with_a_clear_error()
    {
        using var context = InputDigestTests.Golden();
        var tar = new ContextTar(context.Load(), new FailingReader());

        await using var stream = tar.OpenRead(CancellationToken.None);
        var error = await Assert.ThrowsAsync<BuildContextException>(() => stream.CopyToAsync(Stream.Null));

        Assert.Equal(
            $"Cannot read {context.PathOf(".dockerignore")} in the build context: The disk is on fire. Make it readable, or exclude \".dockerignore\" in .dockerignore.",
            error.Message);
    }

    [Fact]
    public async Task Stops_reading_files_when_the_reader_goes_away()
    {
        using var context = new TestContext(("Dockerfile", "FROM scratch\n"));
        for (var i = 0; i < 20; i++)
        {
            context.Write($"big{i:D2}.bin", new string('x', 256 * 1024));
        }

        var reader = new CountingReader(context.Root);
        var tar = new ContextTar(context.Load(), reader);
        var stream = tar.OpenRead(CancellationToken.None);
        var buffer = new byte[1024];
        await stream.ReadExactlyAsync(buffer);
        await stream.DisposeAsync();
        await Task.Delay(500);

        Assert.InRange(reader.Reads.Count, 1, 5);
    }

    private static async Task<byte[]> Tar(BuildContext context)
    {
        using var buffer = new MemoryStream();
        await new ContextTar(context).WriteAsync(buffer, CancellationToken.None);
        return buffer.ToArray();
    }

    private static async Task<List<ReadEntry>> ReadBack(byte[] tar)
    {
        var entries = new List<ReadEntry>();
        using var stream = new MemoryStream(tar);
        await using var reader = new TarReader(stream);
        while (await reader.GetNextEntryAsync(copyData: true) is { } entry)
        {
            string? text = null;
            if (entry.DataStream is { } data)
            {
                using var content = new StreamReader(data, Encoding.UTF8);
                text = await content.ReadToEndAsync();
            }

            entries.Add(new ReadEntry(entry.Name, entry.EntryType, entry.Format, entry.Mode, entry.Uid, entry.Gid, ((PosixTarEntry)entry).UserName, ((PosixTarEntry)entry).GroupName, entry.LinkName, entry.ModificationTime, text));
        }

        return entries;
    }

    private sealed record ReadEntry(
        string Name, TarEntryType Type, TarEntryFormat Format, UnixFileMode Mode, int Uid, int Gid, string UserName, string GroupName, string LinkName, DateTimeOffset Modified, string? Text);

    private sealed class FailingReader : IContextFileReader
    {
        public Stream OpenRead(string fullPath) => throw new IOException("The disk is on fire.");
    }
}
