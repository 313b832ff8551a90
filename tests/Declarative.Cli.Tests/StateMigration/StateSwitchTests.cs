using Declarative.Cli.Commands;
using Declarative.Core.Manifests;
using Declarative.Testing;

namespace Declarative.Cli.Tests.StateMigration;

/// <summary>The edit of declarative.yaml that <c>decl state migrate</c> prints: which key, where, and the YAML.</summary>
public sealed class StateSwitchTests
{
    private static readonly StateSettings Kubernetes = new(StateBackend.Kubernetes, "ops-state", "prod-admin", LeaseDuration: TimeSpan.FromSeconds(90));

    [Fact]
    public void An_environment_with_its_own_state_is_told_to_replace_it_at_its_line()
    {
        var change = Switch("  state: { backend: local }\n  environments:\n    dev:\n      state: { backend: local }\n    prod: {}\n", "dev");

        Assert.Equal("replace environments.dev.state (declarative.yaml, line 9) with", change.Instruction);
        Assert.Equal("spec:\n  environments:\n    dev:\n      state: { backend: kubernetes, namespace: ops-state, context: prod-admin, leaseDuration: 1m30s }\n", change.Snippet);
    }

    [Fact]
    public void One_of_several_environments_sharing_spec_state_gets_a_state_of_its_own()
    {
        var change = Switch("  state: { backend: local }\n  environments:\n    dev: {}\n    prod: {}\n", "prod");

        Assert.Equal("add state to environments.prod (declarative.yaml, line 9; it replaces spec.state for this environment only)", change.Instruction);
        Assert.StartsWith("spec:\n  environments:\n    prod:\n      state: ", change.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_environment_changes_spec_state_where_it_is()
    {
        var change = Switch("  state: { backend: kubernetes }\n", "default", new StateSettings(StateBackend.Postgres, Connection: new ConnectionReference(ConnectionSource.EnvironmentVariable, "DECLARATIVE_PG")));

        Assert.Equal("replace spec.state (declarative.yaml, line 6) with", change.Instruction);
        Assert.Equal("spec:\n  state: { backend: postgres, connection: \"env:DECLARATIVE_PG\" }\n", change.Snippet);
    }

    [Theory]
    [InlineData("on", "\"on\"")]
    [InlineData("1234", "\"1234\"")]
    [InlineData("arn:aws:eks:eu-west-1:1:cluster/prod", "\"arn:aws:eks:eu-west-1:1:cluster/prod\"")]
    [InlineData("kind-dev", "kind-dev")]
    public void A_value_yaml_would_read_as_something_else_is_quoted(string context, string written) =>
        Assert.Contains($"context: {written} ", StateSwitch.Flow(new StateSettings(StateBackend.Kubernetes, Context: context)), StringComparison.Ordinal);

    private static StateSwitch Switch(string spec, string environment, StateSettings? target = null)
    {
        using var dir = new TempDirectory(new Dictionary<string, string>
        {
            ["declarative.yaml"] = "apiVersion: declarative.dev/v1\nkind: Project\nmetadata:\n  name: shop\nspec:\n" + spec,
            ["manifests/a.yaml"] = string.Empty,
        });
        var project = ProjectLocator.Locate(dir.Root).Value!;
        return StateSwitch.For(project, environment, target ?? Kubernetes, dir.Root);
    }
}
