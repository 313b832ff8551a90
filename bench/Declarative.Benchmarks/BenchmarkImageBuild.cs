using System.Collections;
using System.Net;
using Declarative.Core.Manifests;
using Declarative.Providers.Docker.Engine;
using Declarative.Providers.Docker.Images;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Declarative.Benchmarks;

/// <summary>
/// A classic `docker build` of a context folder on the engine the product would use (docker.host unset, so
/// DOCKER_HOST, DOCKER_CONTEXT or the default socket), sent as the product sends it: the context tar streamed by
/// <see cref="ContextTar"/> with the parameters of the product's image builder (tag, Dockerfile, ownership labels,
/// remove intermediate containers, version 1).
/// </summary>
internal sealed class BenchmarkImageBuild : IAsyncDisposable
{
    /// <summary>Ownership labels as the product adds them; the classic builder turns them into a final LABEL step.</summary>
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [WellKnown.ManagedByLabel] = "declarative",
        [WellKnown.ProjectLabel] = "benchmarks",
        [WellKnown.EnvironmentLabel] = "bench",
    };

    private readonly DockerEngine _engine;
    private readonly string _contextDirectory;

    private BenchmarkImageBuild(DockerEngine engine, string contextDirectory, string tag)
    {
        _engine = engine;
        _contextDirectory = contextDirectory;
        Tag = tag;
    }

    public string Tag { get; }

    /// <exception cref="InvalidOperationException">No engine answers; the message says where it looked and what to set.</exception>
    public static async Task<BenchmarkImageBuild> ConnectAsync(string contextDirectory, string tag, CancellationToken cancellationToken)
    {
        var variables = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        try
        {
            var endpoint = DockerEndpointResolver.Resolve(null, variables, home);
            return new BenchmarkImageBuild(await DockerEngine.ConnectAsync(endpoint, cancellationToken), contextDirectory, tag);
        }
        catch (DockerConnectionException e)
        {
            throw new InvalidOperationException(
                $"The CachedDockerBuild benchmark needs a Docker engine and none answered: {e.Message} To measure it, run the benchmarks with DOCKER_HOST pointing at a running engine; to skip it, leave CachedDockerBuild out of --filter.", e);
        }
    }

    /// <summary>Builds the context as it is on disk now, tagging the result with <see cref="Tag"/>.</summary>
    public async Task<ClassicBuildOutcome> BuildAsync(CancellationToken cancellationToken)
    {
        var context = BuildContext.Load(_contextDirectory);
        var parameters = new ImageBuildParameters
        {
            Tags = [Tag],
            Dockerfile = context.Dockerfile,
            Labels = Labels,
            Remove = true,
            ForceRemove = true,
            Version = "1",
        };
        var messages = new MessageList();
        await using (var tar = new ContextTar(context).OpenRead(cancellationToken))
        {
            await _engine.Client.Images.BuildImageFromDockerfileAsync(parameters, tar, [], new Dictionary<string, string>(), messages, cancellationToken);
        }

        return ClassicBuildOutcome.Read(messages.Snapshot());
    }

    /// <summary>Removes the tag and, with it, the image and the intermediate images only it used.</summary>
    public async Task RemoveImageAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _engine.Client.Images.DeleteImageAsync(Tag, new ImageDeleteParameters { Force = true }, cancellationToken);
        }
        catch (DockerApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // Setup failed before the first build finished: nothing to remove.
        }
    }

    public ValueTask DisposeAsync()
    {
        _engine.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Collects messages as they are read, in order (Progress would post them to the thread pool).</summary>
    private sealed class MessageList : IProgress<JSONMessage>
    {
        private readonly Lock _gate = new();
        private readonly List<JSONMessage> _messages = [];

        public void Report(JSONMessage value)
        {
            lock (_gate)
            {
                _messages.Add(value);
            }
        }

        public IReadOnlyList<JSONMessage> Snapshot()
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }
}
