using System.Collections.Immutable;

namespace Declarative.Core.Providers;

/// <summary>
/// A value known only after another resource is applied: <c>${image:kubia}</c> before the image is pushed.
/// The plan shows it as "(known after apply)"; the executor asks the dependency for <see cref="Output"/>.
/// </summary>
public sealed record Unknown(string Scheme, string Name, ResourceAddress Source, string Output)
{
    public const string DisplayText = "(known after apply)";

    /// <summary>The reference as written in the document: <c>${image:kubia}</c>.</summary>
    public string Expression => $"${{{Scheme}:{Name}}}";
}

/// <summary>
/// A string field of a desired object that holds one or more references. <see cref="Path"/> is a JSON Pointer;
/// <see cref="Template"/> is the string as written, with each reference still as <c>${scheme:name}</c>.
/// The object itself holds <see cref="Template"/> at that path until <see cref="UnknownSubstitution"/> replaces it.
/// </summary>
public sealed record UnknownValue(string Path, string Template, ImmutableArray<Unknown> References);
