namespace Declarative.Core.Manifests.Yaml;

/// <summary>What a YAML scalar resolved to under the YAML 1.1 rules goyaml.v2 applies.</summary>
internal enum ScalarKind
{
    Null,
    Bool,
    Int,
    Float,
    String,
}
