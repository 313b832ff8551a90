using System.Text.Json.Nodes;
using Declarative.Cli.Tests.Kubernetes;

namespace Declarative.Cli.Tests.PublicApp;

/// <summary>Bank of Anthos applied as published, then changed by hand with the real kubectl: decl drift names what
/// changed and which field manager changed it, what was deleted, and what carries our labels without being ours.</summary>
public sealed class BankOfAnthosApplyAndDriftTests
{
    [KubectlFact]
    public async Task Apply_deploys_every_object_and_then_nothing_has_drifted()
    {
        await using var app = await BankOfAnthos.StartAsync();

        var apply = await app.Decl("apply", "--auto-approve");

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains("Plan: 24 to create, 0 to update, 0 to replace, 0 to delete.", apply.Stdout, StringComparison.Ordinal);
        Assert.Contains("Apply complete: 24 applied, 0 deleted, 0 failed, 0 skipped. Revision 1 deployed.", apply.Stdout, StringComparison.Ordinal);
        Assert.Empty(await app.MissingObjectsAsync());
        Assert.Equal(1, (int)(await app.StatefulSetAsync("ledger-db"))["status"]!["readyReplicas"]!);
        Assert.Equal(1, (int)(await app.DeploymentAsync("frontend"))["status"]!["availableReplicas"]!);
        var drift = await app.Decl("drift");
        Assert.True(drift.ExitCode == 0, drift.All);
        Assert.Equal("No drift. The environment matches revision 1.\n", drift.Stdout);
        var plan = await app.Decl("plan", "--detailed-exitcode");
        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Contains("No changes.", plan.Stdout, StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Kubectl_scale_and_set_env_are_drift_named_by_path_and_field_manager()
    {
        await using var app = await BankOfAnthos.StartAsync();
        Assert.Equal(0, (await app.Decl("apply", "--auto-approve")).ExitCode);

        await app.Kubectl.MustAsync("scale", "deploy/loadgenerator", "--replicas=5", "-n", BankOfAnthos.Namespace);
        await app.Kubectl.MustAsync("scale", "statefulset/ledger-db", "--replicas=3", "-n", BankOfAnthos.Namespace);
        await app.Kubectl.MustAsync("set", "env", "deploy/contacts", "LOG_LEVEL=debug", "-n", BankOfAnthos.Namespace);
        // frontend.yaml leaves replicas to its HorizontalPodAutoscaler, so scaling the frontend is no drift: a kept
        // field, reported as a note.
        await app.Kubectl.MustAsync("scale", "deploy/frontend", "--replicas=3", "-n", BankOfAnthos.Namespace);
        var drift = await app.Decl("drift");
        var json = await app.Decl("drift", "-o", "json");

        Assert.True(drift.ExitCode == 2, drift.All);
        Assert.Equal(
            """
            Drift in environment "default" against revision 1:

              ~ Deployment.apps/boa-dev/contacts
                  ~ spec.template.spec.containers[name=contacts].env[name=LOG_LEVEL].value: "info" -> "debug" (live) # changed by kubectl-set

                Deployment.apps/boa-dev/frontend
                  # spec.replicas: set by kubectl, not in the manifests: kept

              ~ Deployment.apps/boa-dev/loadgenerator
                  ~ spec.replicas: 1 -> 5 (live) # changed by kubectl

              ~ StatefulSet.apps/boa-dev/ledger-db
                  ~ spec.replicas: 1 -> 3 (live) # changed by kubectl

            Drift: 3 changed, 0 deleted, 0 unmanaged.

            """,
            drift.Stdout);
        Assert.Equal(2, json.ExitCode);
        var report = JsonNode.Parse(json.Stdout)!;
        Assert.Equal("drift/v1", (string)report["formatVersion"]!);
        Assert.Equal("bank-of-anthos", (string)report["project"]!);
        Assert.Equal(1, (int)report["revision"]!);
        Assert.Equal(3, (int)report["summary"]!["changed"]!);
        AssertField(report, "Deployment.apps/boa-dev/loadgenerator", "spec.replicas", JsonValue.Create(1), JsonValue.Create(5), "kubectl");
        AssertField(report, "StatefulSet.apps/boa-dev/ledger-db", "spec.replicas", JsonValue.Create(1), JsonValue.Create(3), "kubectl");
        AssertField(report, "Deployment.apps/boa-dev/contacts", "spec.template.spec.containers[name=contacts].env[name=LOG_LEVEL].value", JsonValue.Create("info"), JsonValue.Create("debug"), "kubectl-set");
        Assert.DoesNotContain(report["objects"]!.AsArray(), o => (string)o!["name"]! == "frontend");
    }

    [KubectlFact]
    public async Task Objects_deleted_with_kubectl_and_a_hand_made_object_with_our_labels_are_drift()
    {
        await using var app = await BankOfAnthos.StartAsync();
        Assert.Equal(0, (await app.Decl("apply", "--auto-approve")).ExitCode);

        await app.Kubectl.MustAsync("delete", "service", "ledgerwriter", "-n", BankOfAnthos.Namespace);
        await app.Kubectl.MustAsync("delete", "configmap", "demo-data-config", "-n", BankOfAnthos.Namespace);
        await app.Kubectl.MustAsync("apply", "-f", app.Kubectl.File("hand-made.yaml", $"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: hand-made
              namespace: {BankOfAnthos.Namespace}
              labels:
                app.kubernetes.io/managed-by: declarative
                declarative.dev/project: {BankOfAnthos.Project}
                declarative.dev/environment: default
            data:
              NOTE: made by hand
            """));
        var drift = await app.Decl("drift");
        var json = await app.Decl("drift", "-o", "json");

        Assert.True(drift.ExitCode == 2, drift.All);
        Assert.Contains("  - Service/boa-dev/ledgerwriter # deleted outside Declarative\n", drift.Stdout, StringComparison.Ordinal);
        Assert.Contains("  - ConfigMap/boa-dev/demo-data-config # deleted outside Declarative\n", drift.Stdout, StringComparison.Ordinal);
        Assert.Contains("  + ConfigMap/boa-dev/hand-made # has this environment's labels but no revision owns it\n", drift.Stdout, StringComparison.Ordinal);
        Assert.Contains("Drift: 0 changed, 2 deleted, 1 unmanaged.", drift.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, json.ExitCode);
        var objects = JsonNode.Parse(json.Stdout)!["objects"]!.AsArray();
        Assert.Equal(
            ["ConfigMap/boa-dev/demo-data-config deleted", "ConfigMap/boa-dev/hand-made unmanaged", "Service/boa-dev/ledgerwriter deleted"],
            objects.Select(o => $"{(string)o!["address"]!} {(string)o["drift"]!}"));
        Assert.All(objects, o => Assert.Empty(o!["fields"]!.AsArray()));
    }

    private static void AssertField(JsonNode report, string address, string path, JsonNode applied, JsonNode live, string manager)
    {
        var obj = report["objects"]!.AsArray().Single(o => (string)o!["address"]! == address)!;
        Assert.Equal("changed", (string)obj["drift"]!);
        var field = obj["fields"]!.AsArray().Single()!;
        Assert.Equal(path, (string)field["path"]!);
        Assert.True(JsonNode.DeepEquals(applied, field["applied"]), $"{address} {path}: applied is {field["applied"]?.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(live, field["live"]), $"{address} {path}: live is {field["live"]?.ToJsonString()}");
        Assert.Equal(manager, (string)field["manager"]!);
        Assert.False((bool)field["sensitive"]!);
    }
}
