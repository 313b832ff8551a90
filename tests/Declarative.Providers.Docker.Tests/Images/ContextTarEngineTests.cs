using System.Formats.Tar;
using System.Text;
using Declarative.Providers.Docker.Images;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Tests.Images;

/// <summary>Proves the engine accepts our tar: a classic build that COPYs the context, read back from the image.</summary>
public sealed class ContextTarEngineTests
{
    [DockerEngineFact]
    public async Task The_engine_builds_from_our_tar_and_the_image_holds_the_files_with_their_modes()
    {
        using var context = new TestContext(
                ("Dockerfile", "FROM scratch\nCOPY . /ctx/\n"),
                (".dockerignore", "*.log\n"),
                ("hello.txt", "hello from declarative\n"),
                ("bin/run.sh", "#!/bin/sh\n"),
                ("skip.log", "not sent"))
            .Mode("bin/run.sh", (UnixFileMode)0x1ED)
            .Link("bin/hello", "../hello.txt");
        var loaded = context.Load();
        var digest = await InputDigest.ComputeAsync(loaded, ImageBuildInputs.None, null, CancellationToken.None);
        var tag = $"decl-test-context:{digest.Tag}-{Guid.NewGuid():N}"[..60];
        using var client = new DockerClientBuilder().WithEndpoint(DockerEngineFactAttribute.Endpoint).Build();
        var messages = new List<JSONMessage>();
        string? containerId = null;
        try
        {
            await using (var body = new ContextTar(loaded).OpenRead(CancellationToken.None))
            {
                await client.Images.BuildImageFromDockerfileAsync(
                    new ImageBuildParameters { Tags = [tag], Dockerfile = loaded.Dockerfile, Version = "1", Remove = true },
                    body,
                    [],
                    new Dictionary<string, string>(),
                    new SynchronousProgress(messages),
                    CancellationToken.None);
            }

            Assert.DoesNotContain(messages, m => m.Error is not null);
            Assert.Contains(messages, m => m.Stream?.StartsWith("Successfully built", StringComparison.Ordinal) == true);
            containerId = (await client.Containers.CreateContainerAsync(new CreateContainerParameters { Image = tag, Cmd = ["none"] })).ID;
            var files = await ReadFromContainer(client, containerId, "/ctx");

            Assert.Equal("hello from declarative\n", files["ctx/hello.txt"].Text);
            Assert.Equal((UnixFileMode)0x1ED, files["ctx/bin/run.sh"].Mode);
            Assert.Equal("../hello.txt", files["ctx/bin/hello"].LinkName);
            Assert.Contains("ctx/Dockerfile", files.Keys);
            Assert.DoesNotContain("ctx/skip.log", files.Keys);
        }
        finally
        {
            if (containerId is not null)
            {
                await client.Containers.RemoveContainerAsync(containerId, new ContainerRemoveParameters { Force = true });
            }

            await client.Images.DeleteImageAsync(tag, new ImageDeleteParameters { Force = true }, CancellationToken.None);
        }
    }

    private static async Task<Dictionary<string, (UnixFileMode Mode, string LinkName, string? Text)>> ReadFromContainer(DockerClient client, string containerId, string path)
    {
        var archive = await client.Containers.GetArchiveFromContainerAsync(containerId, new ContainerPathStatParameters { Path = path }, false, CancellationToken.None);
        var files = new Dictionary<string, (UnixFileMode, string, string?)>(StringComparer.Ordinal);
        await using var stream = archive.Stream ?? throw new InvalidOperationException("The engine sent no archive.");
        await using var reader = new TarReader(stream);
        while (await reader.GetNextEntryAsync(copyData: true) is { } entry)
        {
            string? text = null;
            if (entry.DataStream is { } data)
            {
                using var content = new StreamReader(data, Encoding.UTF8);
                text = await content.ReadToEndAsync();
            }

            files[entry.Name.TrimEnd('/')] = (entry.Mode, entry.LinkName, text);
        }

        return files;
    }

    /// <summary>Collects build messages as they arrive (Progress would post them to the thread pool).</summary>
    private sealed class SynchronousProgress(List<JSONMessage> messages) : IProgress<JSONMessage>
    {
        public void Report(JSONMessage value)
        {
            lock (messages)
            {
                messages.Add(value);
            }
        }
    }
}
