using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Catalog;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

/// <summary>
/// An in-memory IKubeClient: stores objects, counts requests, answers dry-run applies with a few server defaults and a
/// 422 for a changed immutable field (Deployment spec.selector, Job spec.template), answers a dry-run create of an
/// existing object with 409 AlreadyExists, can refuse chosen applies (<see cref="RefuseApply"/>), cannot watch (the
/// provider polls with LIST).
/// </summary>
internal sealed class FakeKubeClient : IKubeClient
{
    private readonly ConcurrentDictionary<string, JsonObject> objects = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> deleteCountdowns = new(StringComparer.Ordinal);
    private long resourceVersion = 100;

    public Uri Server { get; } = new("https://fake.invalid");

    private int countLists;

    public int Lists => Volatile.Read(ref countLists);

    private int countGets;

    public int Gets => Volatile.Read(ref countGets);

    private int countApplies;

    public int Applies => Volatile.Read(ref countApplies);

    private int countDryRuns;

    public int DryRuns => Volatile.Read(ref countDryRuns);

    private int countDeletes;

    public int Deletes => Volatile.Read(ref countDeletes);

    private int countCreates;

    public int Creates => Volatile.Read(ref countCreates);

    /// <summary>Every request to the server (resolving a kind is discovery, cached by a real client, so not counted).</summary>
    public int Requests => Lists + Gets + Applies + DryRuns + Deletes + Creates;

    /// <summary>How many reads (GET, or LIST holding it) a deleted object is still seen for (finalizers at work).</summary>
    public int GetsUntilGone { get; set; }

    /// <summary>Called on every read (GET, or LIST holding it) with the stored object, to play a controller.</summary>
    public Action<JsonObject>? OnGet { get; set; }

    /// <summary>Called on every apply that is not a dry run; an exception it returns is thrown instead of storing.</summary>
    public Func<JsonObject, KubeApiException?>? RefuseApply { get; set; }

    /// <summary>Whether <see cref="RefuseApply"/> refuses dry-runs too, as the server's validation does.</summary>
    public bool RefuseDryRuns { get; set; }

    public Task<KubeResource> ResolveAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        var type = new ResourceType(apiVersion, kind);
        var builtIn = BuiltInKinds.Find(type.KindRef) ?? throw new KubeApiException(404, "NotFound", $"the server does not serve {apiVersion}/{kind}");
        return Task.FromResult(new KubeResource(type.Group, type.Version, kind, builtIn.Resource, builtIn.Scope == ResourceScope.Namespaced, [], ["status"]));
    }

    public Task<KubeResource> ResolveKindAsync(string group, string kind, CancellationToken cancellationToken)
    {
        var builtIn = BuiltInKinds.Find(new KindRef(group, kind)) ?? throw new KubeApiException(404, "NotFound", $"the server does not serve {kind}.{group}");
        return ResolveAsync(builtIn.PreferredApiVersion, kind, cancellationToken);
    }

    public Task<System.Collections.Immutable.ImmutableArray<KubeResource>> ServedResourcesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(System.Collections.Immutable.ImmutableArray.CreateRange(BuiltInKinds.All.Select(k =>
            new KubeResource(k.Group, k.Versions[0], k.Kind, k.Resource, k.Scope == ResourceScope.Namespaced, ["list"], []))));

    public Task<JsonObject?> GetAsync(KubeResource resource, string? ns, string name, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref countGets);
        return Task.FromResult(Read(Key(resource.Group, resource.Kind, ns, name)));
    }

    public Task<KubeList> ListAsync(KubeResource resource, string? ns, string? labelSelector, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref countLists);
        var wanted = (labelSelector ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToList();
        var items = objects
            .Where(o => JsonText.At(o.Value, "/kind") == resource.Kind && new ResourceType(JsonText.At(o.Value, "/apiVersion")!, resource.Kind).Group == resource.Group)
            .Where(o => ns is null || JsonText.At(o.Value, "/metadata/namespace") == ns)
            .Where(o => wanted.All(w => (JsonPointer.Get(o.Value, "/metadata/labels") as JsonObject)?[w[0]]?.GetValue<string>() == w[1]))
            .Select(o => Read(o.Key))
            .OfType<JsonObject>()
            .ToList();
        return Task.FromResult(new KubeList([.. items], resourceVersion.ToString(CultureInfo.InvariantCulture)));
    }

    public Task<JsonObject> ApplyAsync(KubeResource resource, JsonObject obj, KubeApplyOptions options, CancellationToken cancellationToken)
    {
        var key = Key(resource.Group, resource.Kind, JsonText.At(obj, "/metadata/namespace"), JsonText.At(obj, "/metadata/name")!);
        objects.TryGetValue(key, out var existing);
        if (existing is not null)
        {
            RejectImmutableChanges(existing, obj);
        }

        var merged = existing is null ? (JsonObject)obj.DeepClone() : Merge((JsonObject)existing.DeepClone(), obj);
        AddDefaults(merged);
        var metadata = (JsonObject)merged["metadata"]!;
        metadata["uid"] ??= $"uid-{Guid.NewGuid():N}";
        metadata["generation"] = (existing is null ? 0 : StatusNumber(existing, "/metadata/generation")) + 1;
        if (options.DryRun)
        {
            Interlocked.Increment(ref countDryRuns);
            if (RefuseDryRuns && RefuseApply?.Invoke(obj) is { } refusedDryRun)
            {
                throw refusedDryRun;
            }

            return Task.FromResult(merged);
        }

        Interlocked.Increment(ref countApplies);
        if (RefuseApply?.Invoke(obj) is { } refusal)
        {
            throw refusal;
        }

        metadata["resourceVersion"] = Interlocked.Increment(ref resourceVersion).ToString(CultureInfo.InvariantCulture);
        objects[key] = merged;
        return Task.FromResult((JsonObject)merged.DeepClone());
    }

    public Task<JsonObject> CreateAsync(KubeResource resource, JsonObject obj, KubeCreateOptions options, CancellationToken cancellationToken)
    {
        var key = Key(resource.Group, resource.Kind, JsonText.At(obj, "/metadata/namespace"), JsonText.At(obj, "/metadata/name")!);
        if (options.DryRun)
        {
            Interlocked.Increment(ref countDryRuns);
        }
        else
        {
            Interlocked.Increment(ref countCreates);
        }

        if (objects.ContainsKey(key))
        {
            throw new KubeApiException(409, "AlreadyExists", $"{resource.Plural} \"{JsonText.At(obj, "/metadata/name")}\" already exists");
        }

        var created = (JsonObject)obj.DeepClone();
        AddDefaults(created);
        if (!options.DryRun)
        {
            Seed(created);
        }

        return Task.FromResult(created);
    }

    public Task<JsonObject> JsonPatchAsync(KubeResource resource, string? ns, string name, JsonArray operations, string fieldManager, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The fake does not patch; test adoption against the API double.");

    public Task<bool> DeleteAsync(KubeResource resource, string? ns, string name, DeletePropagation propagation, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref countDeletes);
        var key = Key(resource.Group, resource.Kind, ns, name);
        if (!objects.ContainsKey(key))
        {
            return Task.FromResult(false);
        }

        deleteCountdowns[key] = GetsUntilGone;
        return Task.FromResult(true);
    }

    public async IAsyncEnumerable<KubeWatchEvent> WatchAsync(KubeResource resource, string? ns, string? name, string resourceVersion, TimeSpan timeout, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        throw new KubeApiException(405, "MethodNotAllowed", "the fake does not watch");
#pragma warning disable CS0162 // An iterator needs a yield.
        yield break;
#pragma warning restore CS0162
    }

    public void ResetCounts() => (countLists, countGets, countApplies, countDryRuns, countDeletes, countCreates) = (0, 0, 0, 0, 0, 0);

    /// <summary>Stores an object as if someone else had created it.</summary>
    public void Seed(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        var metadata = (JsonObject)copy["metadata"]!;
        metadata["uid"] ??= $"uid-{Guid.NewGuid():N}";
        metadata["resourceVersion"] = Interlocked.Increment(ref resourceVersion).ToString(CultureInfo.InvariantCulture);
        var type = new ResourceType(JsonText.At(copy, "/apiVersion")!, JsonText.At(copy, "/kind")!);
        objects[Key(type.Group, type.Kind, JsonText.At(copy, "/metadata/namespace"), JsonText.At(copy, "/metadata/name")!)] = copy;
    }

    public JsonObject? Stored(string group, string kind, string? ns, string name) =>
        objects.TryGetValue(Key(group, kind, ns, name), out var found) ? found : null;

    /// <summary>What a GET or a LIST sees of one object: a deleted object lingers for <see cref="GetsUntilGone"/>
    /// reads, and <see cref="OnGet"/> plays the controller first.</summary>
    private JsonObject? Read(string key)
    {
        if (deleteCountdowns.TryGetValue(key, out var left))
        {
            if (left <= 0)
            {
                objects.TryRemove(key, out _);
                deleteCountdowns.TryRemove(key, out _);
            }
            else
            {
                deleteCountdowns[key] = left - 1;
            }
        }

        if (objects.TryGetValue(key, out var found))
        {
            OnGet?.Invoke(found);
            return (JsonObject)found.DeepClone();
        }

        return null;
    }

    private static void RejectImmutableChanges(JsonObject existing, JsonObject applied)
    {
        foreach (var (kind, pointer, field) in new[] { ("Deployment", "/spec/selector", "spec.selector"), ("Job", "/spec/template", "spec.template") })
        {
            var before = JsonPointer.Get(existing, pointer);
            var after = JsonPointer.Get(applied, pointer);
            if (JsonText.At(existing, "/kind") == kind && before is not null && after is not null && !JsonNode.DeepEquals(before, after))
            {
                throw new KubeApiException(422, "Invalid", $"{kind} is invalid: {field}: Invalid value: field is immutable", [new KubeStatusCause("FieldValueInvalid", "Invalid value: {...}: field is immutable", field)]);
            }
        }
    }

    private static void AddDefaults(JsonObject obj)
    {
        if (JsonText.At(obj, "/kind") == "Deployment" && obj["spec"] is JsonObject spec)
        {
            spec["progressDeadlineSeconds"] ??= 600;
            spec["revisionHistoryLimit"] ??= 10;
        }
    }

    private static JsonObject Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            target[key] = value is JsonObject child && target[key] is JsonObject existing ? Merge(existing, child) : value?.DeepClone();
        }

        return target;
    }

    private static long StatusNumber(JsonObject obj, string pointer) =>
        JsonPointer.Get(obj, pointer) is JsonValue value ? value.GetValue<long>() : 0;

    private static string Key(string group, string kind, string? ns, string name) => $"{group}/{kind}/{ns}/{name}";
}
