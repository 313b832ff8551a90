using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Declarative.Core.State;

namespace Declarative.Cli.Tests.StateMigration;

/// <summary>
/// What the migration tests do as a user would: run <c>decl state migrate</c> without the state key (HOME empty, no
/// DECLARATIVE_STATE_KEY: the copy must not need it), then make the edit of declarative.yaml that its output prints,
/// and read histories back with the key.
/// </summary>
internal static partial class MigrationSteps
{
    public const string ProjectFile = "shop/declarative.yaml";

    /// <summary>`decl state migrate shop ARGS` with no state key anywhere.</summary>
    public static async Task<CliResult> MigrateWithoutKeyAsync(ShopCluster shop, params string[] args)
    {
        var environment = new Dictionary<string, string>(shop.Environment);
        environment.Remove(StateKey.EnvironmentVariable);
        environment["HOME"] = shop.Dir.PathOf("empty-home");
        Directory.CreateDirectory(environment["HOME"]);
        return await CliRunner.RunAsync(shop.Dir.Root, environment, ["state", "migrate", "shop", .. args, "--kubeconfig", "kubeconfig"]);
    }

    /// <summary>Makes the edit the output asks for: its snippet's <c>state:</c> line put under <c>spec:</c> (the shop
    /// project has one environment, so the switch is spec.state), replacing the one there.</summary>
    public static void Switch(ShopCluster shop, CliResult migrated)
    {
        var snippet = SnippetState().Match(migrated.Stdout);
        Assert.True(snippet.Success, $"No spec.state snippet in:\n{migrated.Stdout}");
        var path = shop.Dir.PathOf(ProjectFile);
        var lines = File.ReadAllLines(path).Where(l => !l.StartsWith("  state:", StringComparison.Ordinal)).ToList();
        lines.Insert(lines.IndexOf("spec:") + 1, "  state: " + snippet.Groups["value"].Value);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
    }

    /// <summary>Every revision of the local store in <paramref name="stateDirectory"/>, read with the key.</summary>
    public static Task<ImmutableArray<Revision>> LocalRevisionsAsync(ShopCluster shop, string stateDirectory) =>
        new LocalStateStore(Path.Combine(stateDirectory, "dev"), "dev", StateKey.FromBytes(Convert.FromBase64String(shop.Environment[StateKey.EnvironmentVariable])), TimeProvider.System)
            .ListAsync(CancellationToken.None);

    [GeneratedRegex("(?m)^  spec:\\n    state: (?<value>\\{.*\\})$")]
    private static partial Regex SnippetState();
}
