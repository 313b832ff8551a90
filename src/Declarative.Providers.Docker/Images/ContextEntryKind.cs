namespace Declarative.Providers.Docker.Images;

/// <summary>The kinds of path the build context tar holds.</summary>
internal enum ContextEntryKind
{
    Directory,
    File,
    SymbolicLink,
}
