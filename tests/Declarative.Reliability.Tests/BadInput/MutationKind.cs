namespace Declarative.Reliability.Tests.BadInput;

/// <summary>The ways the generator breaks a valid project (issue 17, part 4); each input uses one.</summary>
internal enum MutationKind
{
    TruncatedFile,
    TabIndentation,
    WrongType,
    UnknownKind,
    DuplicateKey,
    InvalidUtf8,
    HugeScalar,
    DeepNesting,
    AliasBomb,
    UnbalancedTemplate,
    UndefinedTemplateValue,
    DependencyCycle,
    MissingReference,
    ValuesFileIsList,
}
