using System.Text.Json.Nodes;
using Declarative.Cli.Tests.Kubernetes;

namespace Declarative.Cli.Tests.PublicApp;

/// <summary>Bank of Anthos rolled back from a second revision (more replicas, newer images) to the first: from the
/// store, restoring the Secret from its sealed value, and refused without the key that sealed it.</summary>
public sealed class BankOfAnthosRollbackTests
{
    private const string OldLoadgenerator = "gcr.io/bank-of-anthos-ci/loadgenerator:v0.5.9";
    private const string NewLoadgenerator = "gcr.io/bank-of-anthos-ci/loadgenerator:v0.6.0";
    private const string OldAccountsDb = "gcr.io/bank-of-anthos-ci/accounts-db:v0.5.9";
    private const string NewAccountsDb = "gcr.io/bank-of-anthos-ci/accounts-db:v0.6.0";

    [KubectlFact]
    public async Task Rollback_restores_the_first_revisions_replicas_and_images_live_and_is_recorded_as_rollback_of_1()
    {
        await using var app = await BankOfAnthos.StartAsync();
        Assert.Equal(0, (await app.Decl("apply", "--auto-approve")).ExitCode);
        await ApplySecondRevisionAsync(app);
        Assert.Equal(3, BankOfAnthos.Replicas(await app.DeploymentAsync("loadgenerator")));
        Assert.Equal(NewAccountsDb, BankOfAnthos.Image(await app.StatefulSetAsync("accounts-db")));

        var rollback = await app.Decl("rollback", "--auto-approve");

        Assert.True(rollback.ExitCode == 0, rollback.All);
        Assert.Contains("~ spec.replicas: 3 -> 1\n", rollback.Stdout, StringComparison.Ordinal);
        Assert.Contains($"~ spec.template.spec.containers[name=loadgenerator].image: \"{NewLoadgenerator}\" -> \"{OldLoadgenerator}\"", rollback.Stdout, StringComparison.Ordinal);
        Assert.Contains($"~ spec.template.spec.containers[name=accounts-db].image: \"{NewAccountsDb}\" -> \"{OldAccountsDb}\"", rollback.Stdout, StringComparison.Ordinal);
        Assert.Contains("Plan: 0 to create, 2 to update, 0 to replace, 0 to delete.", rollback.Stdout, StringComparison.Ordinal);
        Assert.Contains("Rollback complete: 2 applied, 0 deleted, 0 failed, 0 skipped. Revision 3 deployed.", rollback.Stdout, StringComparison.Ordinal);
        var loadgenerator = await app.DeploymentAsync("loadgenerator");
        Assert.Equal(1, BankOfAnthos.Replicas(loadgenerator));
        Assert.Equal(OldLoadgenerator, BankOfAnthos.Image(loadgenerator));
        Assert.Equal(1, (int)loadgenerator["status"]!["updatedReplicas"]!);
        Assert.Equal(OldAccountsDb, BankOfAnthos.Image(await app.StatefulSetAsync("accounts-db")));
        var history = JsonNode.Parse((await app.Decl("history", "-o", "json")).Stdout)!.AsArray();
        var third = history.Single(r => (int)r!["revision"]! == 3)!;
        Assert.Equal("rollback", (string)third["operation"]!);
        Assert.Equal(1, (int)third["rollbackOf"]!);
        Assert.Equal("deployed", (string)third["status"]!);
        Assert.Equal("superseded", (string)history.Single(r => (int)r!["revision"]! == 2)!["status"]!);
        Assert.Matches(@"(?m)^3\s+\S+ \S+\s+deployed\s+rollback of 1\s", (await app.Decl("history")).Stdout);
        Assert.Equal("No drift. The environment matches revision 3.\n", (await app.Decl("drift")).Stdout);
    }

    [KubectlFact]
    public async Task Rollback_that_needs_the_secret_without_its_key_refuses_and_changes_nothing_live()
    {
        await using var app = await BankOfAnthos.StartAsync();
        Assert.Equal(0, (await app.Decl("apply", "--auto-approve")).ExitCode);
        await ApplySecondRevisionAsync(app);
        var sealingKey = app.Environment["DECLARATIVE_STATE_KEY"];

        app.Environment["DECLARATIVE_STATE_KEY"] = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray());
        var anotherKey = await app.Decl("rollback", "--auto-approve");
        app.Environment.Remove("DECLARATIVE_STATE_KEY");
        var noKey = await app.Decl("rollback", "--auto-approve");

        Assert.Equal(1, anotherKey.ExitCode);
        Assert.Contains("DCL502", anotherKey.Stderr, StringComparison.Ordinal);
        Assert.Contains("do not open with the current state key", anotherKey.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, noKey.ExitCode);
        Assert.Contains("DCL503 Rollback needs the state key", noKey.Stderr, StringComparison.Ordinal);
        Assert.Contains("Revision 1 holds secret values that cannot be read without the state key: Secret/boa-dev/jwt-key. Nothing was changed.", noKey.Stderr, StringComparison.Ordinal);
        foreach (var refused in new[] { anotherKey, noKey })
        {
            Assert.DoesNotContain("Rollback complete", refused.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("placeholder", refused.All, StringComparison.Ordinal);
            Assert.DoesNotContain("cGxhY2Vob2xkZXIg", refused.All, StringComparison.Ordinal);
        }

        var loadgenerator = await app.DeploymentAsync("loadgenerator");
        Assert.Equal(3, BankOfAnthos.Replicas(loadgenerator));
        Assert.Equal(NewLoadgenerator, BankOfAnthos.Image(loadgenerator));
        Assert.Equal(NewAccountsDb, BankOfAnthos.Image(await app.StatefulSetAsync("accounts-db")));
        var secret = await app.GetAsync("/api/v1/namespaces/boa-dev/secrets/jwt-key");
        Assert.Equal("cGxhY2Vob2xkZXIgcHVibGljIGtleSBmb3IgdGhlIGRlY2xhcmF0aXZlIHRlc3Rz", (string)secret!["data"]!["jwtRS256.key.pub"]!);
        app.Environment["DECLARATIVE_STATE_KEY"] = sealingKey;
        var history = (await app.Decl("history")).Stdout;
        Assert.Matches(@"(?m)^2\s+\S+ \S+\s+deployed\s+apply\s", history);
        Assert.DoesNotMatch(@"(?m)^3\s", history);
    }

    /// <summary>Revision 2: the load generator at 3 replicas and both it and accounts-db on a newer image, made by
    /// editing the copy of the manifests as a user would.</summary>
    private static async Task ApplySecondRevisionAsync(BankOfAnthos app)
    {
        app.Edit("loadgenerator.yaml", "  replicas: 1", "  replicas: 3");
        app.Edit("loadgenerator.yaml", $"        image: {OldLoadgenerator}", $"        image: {NewLoadgenerator}");
        app.Edit("accounts-db.yaml", $"        image: {OldAccountsDb}", $"        image: {NewAccountsDb}");
        var second = await app.Decl("apply", "--auto-approve");
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Contains("Revision 2 deployed.", second.Stdout, StringComparison.Ordinal);
    }
}
