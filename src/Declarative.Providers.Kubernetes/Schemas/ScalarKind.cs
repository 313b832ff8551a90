namespace Declarative.Providers.Kubernetes.Schemas;

/// <summary>The scalar expressions of the schema file (docs/kubernetes-schemas.md).</summary>
internal enum ScalarKind
{
    String,
    Integer,
    Number,
    Boolean,
    IntOrString,
    Quantity,
    DateTime,
    Bytes,
}
