using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using ScribanContext = Scriban.TemplateContext;

namespace Declarative.Core.Templating;

/// <summary>Indexes a <see cref="ValueList"/>: an index past the end is undefined (named, as
/// <c>values.ports[3]</c>) rather than a silent null, and the list cannot be written.</summary>
internal sealed class ValueListAccessor : IListAccessor
{
    public static readonly ValueListAccessor Instance = new();

    public int GetLength(ScribanContext context, SourceSpan span, object target) => ((ValueList)target).Count;

    public object? GetValue(ScribanContext context, SourceSpan span, object target, int index)
    {
        var list = (ValueList)target;
        return index < list.Count ? list[index] : new UndefinedValue(ValuePaths.Index(list.Path, index));
    }

    public void SetValue(ScribanContext context, SourceSpan span, object target, int index, object? value) =>
        throw new ScriptRuntimeException(span, $"`{((ValueList)target).Path}` is read-only: a template cannot change the values.");
}
