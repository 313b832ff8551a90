using System.Collections.Immutable;

namespace Declarative.Kubernetes.ApiServer.Faults;

/// <summary>
/// Failures a test switches on. The host's fault middleware applies the per-request ones (<see cref="Latency"/>
/// and the <see cref="Rules"/>: 429/500/503/504 shares per verb, 401/403, dropped connections); the resource
/// handler reads the switches below. Thread-safe: properties are read per request; which requests a share hits
/// is decided by a random sequence seeded with <see cref="Seed"/>, so a run is repeatable.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private ImmutableArray<FaultRule> _rules = [];
    private Random _random = new(0);
    private int _seed;
    private int _injected;

    /// <summary>Every list request carrying a continue token answers 410 Expired.</summary>
    public bool ExpireContinueTokens { get; set; }

    /// <summary>Watch requests answer 405 MethodNotAllowed (a server with watch off), so clients must poll.</summary>
    public bool WatchDisabled { get; set; }

    /// <summary>Every write answers 403 Forbidden.</summary>
    public bool RejectWrites { get; set; }

    /// <summary>Added before every authenticated request is answered.</summary>
    public TimeSpan Latency { get; set; }

    public ImmutableArray<FaultRule> Rules => _rules;

    /// <summary>How many requests a rule has hit so far: each one a client had to retry (or give up on).</summary>
    public int Injected => Volatile.Read(ref _injected);

    /// <summary>Setting it restarts the random sequence.</summary>
    public int Seed
    {
        get => _seed;
        set
        {
            lock (_gate)
            {
                _seed = value;
                _random = new Random(value);
            }
        }
    }

    public void Add(FaultRule rule) => ImmutableInterlocked.Update(ref _rules, rules => rules.Add(rule));

    /// <summary>Answers <paramref name="share"/> of the requests with these verbs (none: all) with <paramref name="kind"/>.</summary>
    public void Fail(FaultKind kind, double share, params string[] verbs) => Add(new FaultRule(kind, share, [.. verbs]));

    /// <summary>Answers every request with <paramref name="kind"/> (forced 401 or 403, or a server that is down).</summary>
    public void FailAll(FaultKind kind) => Add(new FaultRule(kind, 1.0));

    /// <summary>Switches every fault off (the seed is kept and its sequence restarted).</summary>
    public void Clear()
    {
        _rules = [];
        Latency = TimeSpan.Zero;
        ExpireContinueTokens = false;
        WatchDisabled = false;
        RejectWrites = false;
        Seed = _seed;
    }

    /// <summary>The first rule covering <paramref name="verb"/> whose share this request falls into, or null.</summary>
    public FaultRule? Draw(string verb)
    {
        foreach (var rule in _rules.Where(r => r.Covers(verb)))
        {
            if (rule.Share >= 1.0 || (rule.Share > 0 && NextDouble() < rule.Share))
            {
                Interlocked.Increment(ref _injected);
                return rule;
            }
        }

        return null;
    }

    private double NextDouble()
    {
        lock (_gate)
        {
            return _random.NextDouble();
        }
    }
}
