namespace Declarative.Providers.Docker.Catalog.Schema;

internal enum ScalarType
{
    String,
    Boolean,
    Number,

    /// <summary>A string, number or boolean; numbers and booleans are used as their text.</summary>
    Any,
}
