namespace Declarative.Core.Manifests.Yaml;

/// <summary>
/// A resolved scalar. <see cref="Value"/> is null, a bool, a long or ulong (Int), a double (Float) or the
/// string itself; <see cref="Text"/> is the scalar as written.
/// </summary>
internal readonly record struct ResolvedScalar(ScalarKind Kind, string Text, object? Value)
{
    public static ResolvedScalar Null(string text) => new(ScalarKind.Null, text, null);

    public static ResolvedScalar String(string text) => new(ScalarKind.String, text, text);

    public bool IsNonFinite => Value is double d && !double.IsFinite(d);
}
