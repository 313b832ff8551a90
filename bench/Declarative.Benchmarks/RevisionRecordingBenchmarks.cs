using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Benchmarks;

/// <summary>
/// What the state costs an apply of N resources: begin a pending revision, record every applied resource as the
/// executor does (up to 10 at once, the default --parallelism), complete the revision. Every tenth resource is a
/// Secret, so sealing is measured too. The local store writes into a fresh folder under the temp folder for each
/// iteration, with fsync, so the disk is part of the figure.
/// </summary>
[MemoryDiagnoser]
public class RevisionRecordingBenchmarks
{
    private const int Parallelism = 10;

    private static readonly TargetIdentity Target = new("https://127.0.0.1:6443", "kind-bench", "bench", null);

    private readonly StateKey _key = StateKey.Generate();
    private string _root = string.Empty;
    private string _folder = string.Empty;
    private Plan _plan = null!;
    private ImmutableArray<AppliedResource> _applied;

    [Params(1000, 10000)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), $"decl-bench-state-{Guid.NewGuid():N}");
        _folder = Path.Combine(_root, "bench");
        _applied = [.. Enumerable.Range(0, Resources).Select(Applied)];
        _plan = new Plan("bench", "bench", null, Target, [.. _applied.Select(Create)], []);
    }

    /// <summary>A fresh history each time: the figure is one apply, not one more revision in a growing history.</summary>
    [IterationSetup]
    public void EmptyTheHistory()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Benchmark]
    public async Task<int> RecordEveryResource()
    {
        var store = new LocalStateStore(_folder, "bench", _key, TimeProvider.System);
        var history = new RevisionHistory(store, TimeProvider.System);
        await history.BeginAsync(_plan, new RevisionStart(RevisionOperation.Apply, "bench", null, "0.1.0", "decl apply --env bench"), CancellationToken.None);
        await Parallel.ForEachAsync(
            _applied,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            async (applied, token) => await history.RecordAppliedAsync("kubernetes", applied, token));
        var completed = await history.CompleteAsync(new Core.Execution.ApplyResult([]), CancellationToken.None);
        return completed.Inventory.Length == Resources ? completed.Number : throw new InvalidOperationException($"The revision holds {completed.Inventory.Length} resources, not {Resources}.");
    }

    private static ResourceChange Create(AppliedResource applied) => new(
        new PlannedChange(applied.Address, ChangeAction.Create, [], [], null, [], [], null, null),
        "kubernetes",
        [],
        applied.Type.Kind == "Secret" ? ["data"] : [],
        null);

    /// <summary>A Deployment of about 1.5 KB (the size of a real one's applied object), or a Secret.</summary>
    private static AppliedResource Applied(int i)
    {
        var name = "app" + i.ToString("D5", CultureInfo.InvariantCulture);
        var secret = i % 10 == 9;
        var type = secret ? new ResourceType("v1", "Secret") : new ResourceType("apps/v1", "Deployment");
        var group = secret ? string.Empty : "apps";
        var address = new ResourceAddress(string.Empty, group, type.Kind, "bench", name);
        var body = secret
            ? """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"NAME","namespace":"bench"},"type":"Opaque","data":{"password":"cGFzc3dvcmQteINDEX","user":"YWRtaW4="}}"""
            : """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"NAME","namespace":"bench","labels":{"app":"NAME","tier":"web","team":"payments"},
                 "annotations":{"declarative.dev/owner":"bench","declarative.dev/module":"root"}},
                 "spec":{"replicas":2,"selector":{"matchLabels":{"app":"NAME"}},"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},
                 "template":{"metadata":{"labels":{"app":"NAME","tier":"web"}},"spec":{"serviceAccountName":"NAME","terminationGracePeriodSeconds":30,
                 "containers":[{"name":"web","image":"registry.example/NAME:1.0.INDEX","imagePullPolicy":"IfNotPresent","ports":[{"name":"http","containerPort":8080,"protocol":"TCP"}],
                 "env":[{"name":"MODE","value":"production"},{"name":"LOG_LEVEL","value":"info"},{"name":"DB_HOST","value":"db.bench.svc.cluster.local"},{"name":"DB_PORT","value":"5432"}],
                 "envFrom":[{"configMapRef":{"name":"NAME-config"}}],"resources":{"requests":{"cpu":"100m","memory":"128Mi"},"limits":{"cpu":"500m","memory":"256Mi"}},
                 "readinessProbe":{"httpGet":{"path":"/healthz","port":8080},"initialDelaySeconds":5,"periodSeconds":10},
                 "livenessProbe":{"httpGet":{"path":"/healthz","port":8080},"initialDelaySeconds":15,"periodSeconds":20},
                 "volumeMounts":[{"name":"config","mountPath":"/etc/app","readOnly":true}]}],
                 "volumes":[{"name":"config","configMap":{"name":"NAME-config"}}]}}}}
                """;
        body = body.Replace("NAME", name, StringComparison.Ordinal).Replace("INDEX", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var outputs = new ResourceOutputs(ImmutableSortedDictionary<string, string>.Empty.Add("uid", $"uid-{i}"));
        return new AppliedResource(address, type, JsonNode.Parse(body)!.AsObject(), outputs, new Fingerprint($"hash-{i}", $"uid-{i}", 1));
    }
}
