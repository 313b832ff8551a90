using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Providers.Docker.Runtime;

/// <summary>How the Docker provider behaves; the CLI fills it from the project and the command line.</summary>
public sealed record DockerProviderOptions
{
    /// <summary>The folder of each resource's document: relative bind mounts and build contexts resolve against it.
    /// A resource missing here (a rollback from the state) already holds absolute paths.</summary>
    public ImmutableDictionary<ResourceAddress, string> DocumentFolders { get; init; } = ImmutableDictionary<ResourceAddress, string>.Empty;

    /// <summary>How long a stopping container gets before it is killed, when its spec sets no stopTimeout (docker's default).</summary>
    public TimeSpan DefaultStopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a started container without a healthcheck must keep running to count as started: one that
    /// exits or restarts within it fails the apply with its exit code and last log lines.</summary>
    public TimeSpan StartupWindow { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a wait looks at the container again.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How many log lines a failed start shows.</summary>
    public int EvidenceLogLines { get; init; } = 20;

    /// <summary>Remove a Volume or Network that containers still use (disconnecting or removing them first is the
    /// user's choice): off by default, so a prune never takes data or connectivity from a running container.</summary>
    public bool RemoveInUse { get; init; }

    /// <summary>Registry documents by name (their spec), for the Images that push to them. A Registry's folder is in
    /// <see cref="DocumentFolders"/> under its address, for <c>fromFile</c> credentials.</summary>
    public ImmutableDictionary<string, System.Text.Json.Nodes.JsonObject> Registries { get; init; } =
        ImmutableDictionary<string, System.Text.Json.Nodes.JsonObject>.Empty;

    /// <summary>Where the stat caches of build contexts live (beside the state); null keeps no cache.</summary>
    public string? BuildCacheDirectory { get; init; }

    /// <summary>The process environment, for <c>fromEnv</c> credentials and the docker config's location.</summary>
    public ImmutableDictionary<string, string> EnvironmentVariables { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The user's home folder, for ~/.docker/config.json; "" when there is none.</summary>
    public string HomeDirectory { get; init; } = string.Empty;

    /// <summary>Receives each line a build or push prints, for progress on the terminal. Must be thread-safe.</summary>
    public Action<ResourceAddress, string>? BuildOutput { get; init; }

    /// <summary>Folders never sent in a build context nor digested: Declarative's own (.declarative/ and the state
    /// folder), which change on every run.</summary>
    public ImmutableArray<string> ExcludedFromContexts { get; init; } = [];
}
