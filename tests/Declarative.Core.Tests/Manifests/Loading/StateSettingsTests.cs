using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.State;
using Declarative.Testing;

namespace Declarative.Core.Tests.Manifests.Loading;

/// <summary><c>spec.state</c> and <c>environments.E.state</c> in declarative.yaml.</summary>
public sealed class StateSettingsTests
{
    [Fact]
    public void Without_state_every_environment_is_local()
    {
        var project = Parse("  environments:\n    dev: {}\n");

        Assert.Equal(StateSettings.Local, project.Value!.Environments["dev"].State);
    }

    [Fact]
    public void Spec_state_applies_to_every_environment_and_an_environments_own_state_replaces_it_whole()
    {
        var project = Parse("""
              state: { backend: kubernetes, namespace: team-state, context: admin }
              environments:
                dev: {}
                ci:
                  state: { backend: kubernetes }
                laptop:
                  state: { backend: local }
            """);

        Assert.Empty(project.Diagnostics);
        Assert.Equal(new StateSettings(StateBackend.Kubernetes, "team-state", "admin"), project.Value!.Environments["dev"].State);
        Assert.Equal(new StateSettings(StateBackend.Kubernetes), project.Value.Environments["ci"].State);
        Assert.Equal(StateSettings.DefaultNamespace, project.Value.Environments["ci"].State.KubernetesNamespace);
        Assert.Equal(StateSettings.Local, project.Value.Environments["laptop"].State);
    }

    [Fact]
    public void The_implicit_default_environment_takes_spec_state()
    {
        var project = Parse("  state: { backend: kubernetes }\n");

        Assert.Equal(StateBackend.Kubernetes, project.Value!.Environments["default"].State.Backend);
    }

    [Theory]
    [InlineData("env:DECLARATIVE_PG", ConnectionSource.EnvironmentVariable, "DECLARATIVE_PG")]
    [InlineData("file:secrets/pg.txt", ConnectionSource.File, "secrets/pg.txt")]
    public void A_postgres_connection_names_a_variable_or_a_file(string written, ConnectionSource source, string name)
    {
        var project = Parse($"  environments:\n    dev:\n      state: {{ backend: postgres, connection: \"{written}\" }}\n");

        Assert.Empty(project.Diagnostics);
        Assert.Equal(new ConnectionReference(source, name), project.Value!.Environments["dev"].State.Connection);
        Assert.Equal(written, project.Value.Environments["dev"].State.Connection!.ToString());
    }

    [Fact]
    public void A_literal_connection_string_is_a_located_error_that_never_repeats_it()
    {
        var project = Parse("  environments:\n    dev:\n      state:\n        backend: postgres\n        connection: postgres://app:s3cret-pw@db/state\n");

        var error = Assert.Single(project.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidStateSettings, error.Code);
        Assert.Equal("A connection string cannot be written in the project", error.Summary);
        Assert.Equal((10, 21), (error.Location!.Line, error.Location.Column));
        Assert.DoesNotContain(error.Detail, line => line.Contains("s3cret", StringComparison.Ordinal));
        Assert.Contains("env:VARIABLE or file:PATH", error.Detail[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ backend: etcd }", "Unknown state backend", 8, 25)]
    [InlineData("{ backend: local, namespace: x }", "state.namespace does not apply to backend local", 8, 43)]
    [InlineData("{ backend: kubernetes, connection: \"env:PG\" }", "state.connection does not apply to backend kubernetes", 8, 49)]
    [InlineData("{ backend: kubernetes, namespace: Team_State }", "Invalid state namespace", 8, 48)]
    [InlineData("{ backend: postgres }", "The postgres store needs a connection", 8, 25)]
    [InlineData("{ backend: postgres, connection: \"env:9PG\" }", "Invalid connection variable", 8, 47)]
    [InlineData("{ backend: local, leaseDuration: 5s }", "state.leaseDuration does not apply to backend local", 8, 47)]
    [InlineData("{ backend: kubernetes, leaseDuration: 500ms }", "Invalid state lease duration", 8, 52)]
    [InlineData("{ backend: kubernetes, leaseDuration: soon }", "Invalid state lease duration", 8, 52)]
    public void Invalid_settings_are_dcl504_at_the_value(string state, string summary, int line, int column)
    {
        var project = Parse($"  environments:\n    dev:\n      state: {state}\n");

        var error = Assert.Single(project.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidStateSettings, summary), (error.Code, error.Summary));
        Assert.Equal((line, column), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void A_kubernetes_store_takes_a_lease_duration_and_defaults_to_none()
    {
        var project = Parse("  state: { backend: kubernetes }\n  environments:\n    dev: {}\n    ci:\n      state: { backend: kubernetes, leaseDuration: 1m30s }\n");

        Assert.Empty(project.Diagnostics);
        Assert.Null(project.Value!.Environments["dev"].State.LeaseDuration);
        Assert.Equal(TimeSpan.FromSeconds(90), project.Value.Environments["ci"].State.LeaseDuration);
    }

    [Theory]
    [InlineData("env:DECLARATIVE_PG", ConnectionSource.EnvironmentVariable, "DECLARATIVE_PG")]
    [InlineData("file:secrets/pg.txt", ConnectionSource.File, "secrets/pg.txt")]
    public void A_connection_reference_parses_from_its_text(string text, ConnectionSource source, string name) =>
        Assert.Equal(new ConnectionReference(source, name), ConnectionReference.TryParse(text));

    [Theory]
    [InlineData("Host=db;Password=pw")]
    [InlineData("env:9PG")]
    [InlineData("env:")]
    [InlineData("file: ")]
    public void Anything_else_is_no_connection_reference(string text) => Assert.Null(ConnectionReference.TryParse(text));

    [Fact]
    public void An_unknown_field_is_dcl104()
    {
        var project = Parse("  state: { backend: kubernetes, namspace: x }\n");

        var error = Assert.Single(project.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidProjectDocument, error.Code);
        Assert.Equal("Unknown field \"namspace\" in the project file", error.Summary);
    }

    [Fact]
    public void A_connection_is_read_from_its_variable_or_file_and_a_missing_one_names_where_it_looked()
    {
        using var dir = new TempDirectory(new Dictionary<string, string> { ["pg.txt"] = "Host=db;Password=pw\n" });
        var variables = new Dictionary<string, string> { ["PG"] = "Host=env" };

        Assert.Equal("Host=env", new ConnectionReference(ConnectionSource.EnvironmentVariable, "PG").Read(variables, dir.Root, "the postgres state store"));
        Assert.Equal("Host=db;Password=pw", new ConnectionReference(ConnectionSource.File, "pg.txt").Read(variables, dir.Root, "the postgres state store"));
        var unset = Assert.Throws<StateStoreUnavailableException>(() => new ConnectionReference(ConnectionSource.EnvironmentVariable, "NOPE").Read(variables, dir.Root, "the postgres state store"));
        Assert.Equal("The environment variable NOPE (state.connection: env:NOPE) is not set.", unset.Details[0]);
        var missing = Assert.Throws<StateStoreUnavailableException>(() => new ConnectionReference(ConnectionSource.File, "absent.txt").Read(variables, dir.Root, "the postgres state store"));
        Assert.Contains(Path.Combine(dir.Root, "absent.txt"), missing.Details[0], StringComparison.Ordinal);
    }

    private static StageResult<ProjectDefinition?> Parse(string spec)
    {
        using var dir = new TempDirectory(new Dictionary<string, string>
        {
            ["declarative.yaml"] = "apiVersion: declarative.dev/v1\nkind: Project\nmetadata:\n  name: shop\nspec:\n" + spec,
            ["manifests/a.yaml"] = string.Empty,
        });
        return ProjectLocator.Locate(dir.Root);
    }
}
