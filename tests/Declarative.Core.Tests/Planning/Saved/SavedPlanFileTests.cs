using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Planning.Saved;
using Declarative.Core.State;
using Declarative.Testing;
using static Declarative.Core.Tests.Planning.Saved.SavedPlanSamples;

namespace Declarative.Core.Tests.Planning.Saved;

public sealed class SavedPlanFileTests
{
    private static readonly StateKey Key = StateKey.Generate();

    [Fact]
    public void Secret_values_are_sealed_in_the_file_bytes()
    {
        var text = Encoding.UTF8.GetString(SavedPlanFile.Encode(SamplePlan(), Key));

        Assert.DoesNotContain(DesiredPassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain(LivePassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain(AppliedPassword, text, StringComparison.Ordinal);
        Assert.Contains("\"$sealed\"", text, StringComparison.Ordinal);
        Assert.Contains("\"formatVersion\": 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_restores_the_secrets_and_every_field_of_the_plan()
    {
        var read = SavedPlanFile.Decode(SavedPlanFile.Encode(SamplePlan(), Key), Key, "shop.plan");

        Assert.Equal(("/home/alice/shop", "0.3.0", "shop", "prod", 4), (read.ProjectRoot, read.DeclarativeVersion, read.Plan.Project, read.Plan.Environment, read.Plan.BaseRevision));
        Assert.Equal(SamplePlan().Plan.Target, read.Plan.Target);
        Assert.Equal(SamplePlan().Plan.Edges.ToArray(), read.Plan.Edges.ToArray());
        var secret = read.Plan.Changes[0];
        Assert.Equal(DesiredPassword, secret.Change.Desired!.Object["stringData"]!["password"]!.GetValue<string>());
        Assert.Equal(LivePassword, secret.Change.Live!.Object["stringData"]!["password"]!.GetValue<string>());
        Assert.Equal(AppliedPassword, secret.LastApplied!.Object["stringData"]!["password"]!.GetValue<string>());
        Assert.Equal(new Core.Providers.Fingerprint("sha256:live", "u-1", null), secret.Change.Live.Fingerprint);
        Assert.Equal("u-1", secret.LastApplied.Outputs["uid"]);
        Assert.Equal(["stringData.password", "metadata.labels.tier"], secret.Change.Diffs.Select(d => d.Path));
        Assert.True(secret.Change.Diffs[0].Sensitive);
        Assert.Equal("db", secret.Change.Diffs[1].After!.GetValue<string>());
        Assert.Equal(["stringData.password"], secret.Change.DriftPaths.ToArray());
        Assert.Equal([new Core.Providers.TakenField("metadata.labels.tier", "kubectl")], secret.Change.TakenOver.ToArray());
        Assert.Equal(["metadata.annotations"], secret.Change.Desired.IgnoredPaths.ToArray());
    }

    [Fact]
    public void Unknown_values_dependencies_and_provider_words_survive_the_round_trip()
    {
        var web = SavedPlanFile.Decode(SavedPlanFile.Encode(SamplePlan(), Key), Key, "shop.plan").Plan.Changes[1];

        Assert.Equal(ChangeAction.Create, web.Action);
        Assert.Equal(("roll out", true), (web.Change.Verb, web.Change.ServerDefaultsUnknown));
        Assert.Equal([Secret], web.DependsOn.ToArray());
        Assert.Null(web.Change.Live);
        var unknown = Assert.Single(web.Change.Desired!.Unknowns);
        Assert.Equal(("/spec/template/spec/containers/0/image", "${image:web}"), (unknown.Path, unknown.Template));
        Assert.Equal(new Core.Providers.Unknown("image", "web", Image, "reference"), Assert.Single(unknown.References));
        Assert.Equal(["spec.template.spec.containers[name=web].image"], web.Change.UnknownPaths.ToArray());
    }

    [Fact]
    public void Notes_survive_the_round_trip_and_a_change_without_notes_stores_none()
    {
        var bytes = SavedPlanFile.Encode(SamplePlan(), Key);

        var read = SavedPlanFile.Decode(bytes, Key, "shop.plan");

        Assert.Equal([KeptLabel], read.Plan.Changes[0].Change.Notes.ToArray());
        Assert.Empty(read.Plan.Changes[1].Change.Notes);
        var changes = JsonNode.Parse(bytes)!["changes"]!.AsArray();
        Assert.Equal("metadata.labels.team", (string?)changes[0]!["notes"]![0]!["path"]);
        Assert.False(changes[1]!.AsObject().ContainsKey("notes"));
    }

    [Fact]
    public void Server_defaults_of_a_create_survive_the_round_trip_and_a_change_without_them_stores_none()
    {
        var saved = SamplePlan();
        var filled = new FieldDiff("spec.progressDeadlineSeconds", FieldDiffKind.Added, null, JsonValue.Create(600));
        var web = saved.Plan.Changes[1] with { Change = saved.Plan.Changes[1].Change with { ServerDefaults = [filled] } };
        var withDefaults = saved with { Plan = saved.Plan with { Changes = [saved.Plan.Changes[0], web] } };
        var bytes = SavedPlanFile.Encode(withDefaults, Key);

        var read = SavedPlanFile.Decode(bytes, Key, "shop.plan");

        var kept = Assert.Single(read.Plan.Changes[1].Change.ServerDefaults);
        Assert.Equal((filled.Path, filled.Kind, "600"), (kept.Path, kept.Kind, kept.After?.ToJsonString()));
        Assert.Empty(read.Plan.Changes[0].Change.ServerDefaults);
        Assert.False(JsonNode.Parse(bytes)!["changes"]![0]!.AsObject().ContainsKey("serverDefaults"));
    }

    [Fact]
    public void A_plan_saved_before_notes_existed_reads_with_none()
    {
        var file = JsonNode.Parse(SavedPlanFile.Encode(SamplePlan(), Key))!;
        foreach (var change in file["changes"]!.AsArray())
        {
            change!.AsObject().Remove("notes");
        }

        var read = SavedPlanFile.Decode(Encoding.UTF8.GetBytes(file.ToJsonString()), Key, "shop.plan");

        Assert.All(read.Plan.Changes, c => Assert.Empty(c.Change.Notes));
        Assert.Equal(["stringData.password"], read.Plan.Changes[0].Change.DriftPaths.ToArray());
    }

    [Fact]
    public void Another_key_or_no_key_is_refused_with_a_key_error()
    {
        var bytes = SavedPlanFile.Encode(SamplePlan(), Key);

        var wrong = Assert.Throws<StateKeyException>(() => SavedPlanFile.Decode(bytes, StateKey.Generate(), "shop.plan"));
        var missing = Assert.Throws<StateKeyException>(() => SavedPlanFile.Decode(bytes, null, "shop.plan"));

        Assert.Equal("Saved plan was sealed with another state key", wrong.Summary);
        Assert.Equal("No state key to open the saved plan", missing.Summary);
    }

    [Fact]
    public void A_plan_from_a_newer_format_is_refused()
    {
        var text = Encoding.UTF8.GetString(SavedPlanFile.Encode(SamplePlan(), Key)).Replace("\"formatVersion\": 1", "\"formatVersion\": 2", StringComparison.Ordinal);

        var error = Assert.Throws<StateFileException>(() => SavedPlanFile.Decode(Encoding.UTF8.GetBytes(text), Key, "shop.plan"));

        Assert.Equal("Saved plan is from a newer Declarative", error.Summary);
        Assert.Contains("format version 2", error.Details[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_written_file_is_owner_only_and_reads_back()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("shop.plan");
        File.WriteAllText(path, "old");

        await SavedPlanFile.WriteAsync(path, SamplePlan(), Key, CancellationToken.None);

        var read = await SavedPlanFile.ReadAsync(path, Key, CancellationToken.None);
        Assert.Equal(2, read.Plan.Changes.Length);
        Assert.Single(Directory.GetFiles(dir.Root));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }
}
