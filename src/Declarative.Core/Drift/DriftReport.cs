using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Core.Drift;

/// <summary>Live state against the newest revision (`decl drift`). <see cref="Revision"/> is null when the environment
/// has no revision yet. <see cref="Noted"/> are the providers' notes on objects still there (a field live holds that
/// no manifest sets and another manager owns: kept, not drift); they do not make <see cref="HasDrift"/> true.</summary>
public sealed record DriftReport(string Project, string Environment, int? Revision, ImmutableArray<DriftedObject> Objects, ImmutableArray<NotedObject> Noted)
{
    public bool HasDrift => !Objects.IsEmpty;

    public int Count(DriftKind kind) => Objects.Count(o => o.Kind == kind);
}

public enum DriftKind
{
    /// <summary>Fields we applied have other values live.</summary>
    Changed,

    /// <summary>An object of the inventory is gone.</summary>
    Deleted,

    /// <summary>An object carries the environment's ownership labels but no revision owns it.</summary>
    Unmanaged,
}

/// <summary>One object that drifted, with the fields that did (for <see cref="DriftKind.Changed"/>).</summary>
public sealed record DriftedObject(ResourceAddress Address, DriftKind Kind, ImmutableArray<DriftedField> Fields);

/// <summary>An object of the inventory with the notes its provider gave when comparing it with live, sorted by
/// path.</summary>
public sealed record NotedObject(ResourceAddress Address, ImmutableArray<ChangeNote> Notes);

/// <summary>A field whose live value differs from the applied one. <see cref="Manager"/> is who owns it live now
/// (Kubernetes field managers), when known. Sensitive values are null and <see cref="Sensitive"/> is set; a field
/// removed live has a null <see cref="Live"/>.</summary>
public sealed record DriftedField(string Path, JsonNode? Applied, JsonNode? Live, string? Manager, bool Sensitive);
