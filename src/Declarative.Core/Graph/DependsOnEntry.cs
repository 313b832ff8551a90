using System.Text.RegularExpressions;

namespace Declarative.Core.Graph;

/// <summary>
/// One entry of <c>declarative.dev/depends-on</c>: <c>[module.NAME/]Kind[.group]/[namespace/]name</c>, as written in
/// <see cref="Text"/>. <see cref="Module"/> is null when no module path is written (any module matches). <see cref="Group"/> is null for a bare Kind (any group) and "" for the core group.
/// A version segment after the kind is accepted and ignored (<c>ConfigMap.v1</c> is the core group,
/// <c>Deployment.v1.apps</c> is apps), because kubectl users write kinds that way.
/// </summary>
internal sealed partial record DependsOnEntry(string Text, string Kind, string? Group, string? Namespace, string Name, string? Module = null)
{
    private const string ModulePrefix = "module.";

    public static DependsOnEntry? Parse(string text)
    {
        if (text.StartsWith(ModulePrefix, StringComparison.Ordinal))
        {
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            var module = slash < 0 ? string.Empty : text[ModulePrefix.Length..slash];
            return !Manifests.NameRules.IsValidName(module) || ParseObject(text[(slash + 1)..]) is not { } inModule
                ? null
                : inModule with { Text = text, Module = module };
        }

        return ParseObject(text);
    }

    private static DependsOnEntry? ParseObject(string text)
    {
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || !NamePattern().IsMatch(parts[^1]))
        {
            return null;
        }

        var ns = parts.Length == 3 ? parts[1] : null;
        if (ns is not null && !LabelPattern().IsMatch(ns))
        {
            return null;
        }

        var dot = parts[0].IndexOf('.', StringComparison.Ordinal);
        var kind = dot < 0 ? parts[0] : parts[0][..dot];
        var group = dot < 0 ? null : WithoutVersion(parts[0][(dot + 1)..]);
        if (!KindPattern().IsMatch(kind) || (group is { Length: > 0 } && !GroupPattern().IsMatch(group)))
        {
            return null;
        }

        return new DependsOnEntry(text, kind, group, ns, parts[^1]);
    }

    private static string WithoutVersion(string groupPart)
    {
        var dot = groupPart.IndexOf('.', StringComparison.Ordinal);
        var first = dot < 0 ? groupPart : groupPart[..dot];
        if (!VersionPattern().IsMatch(first))
        {
            return groupPart;
        }

        return dot < 0 ? string.Empty : groupPart[(dot + 1)..];
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex KindPattern();

    [GeneratedRegex(@"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex GroupPattern();

    [GeneratedRegex("^v[0-9]+((alpha|beta)[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.:@-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
