namespace Declarative.Core.Planning;

public enum FieldDiffKind
{
    Added,
    Removed,
    Changed,
}
