using Scriban.Parsing;
using Scriban.Runtime;
using ScribanContext = Scriban.TemplateContext;

namespace Declarative.Core.Templating;

/// <summary>
/// Member access on a <see cref="StandIn"/>: a member of an undefined value or of a failure is that same value (so
/// <c>values.db.host</c> names <c>values.db</c> when <c>db</c> is missing), and a member of a null is undefined.
/// A stand-in has no members of its own, so none of its .NET properties leak into templates.
/// </summary>
internal sealed class StandInAccessor : IObjectAccessor
{
    public static readonly StandInAccessor Instance = new();

    public bool HasIndexer => false;

    public Type? IndexType => null;

    public int GetMemberCount(ScribanContext context, SourceSpan span, object target) => 0;

    public IEnumerable<string> GetMembers(ScribanContext context, SourceSpan span, object target) => [];

    public bool HasMember(ScribanContext context, SourceSpan span, object target, string member) => false;

    public bool TryGetValue(ScribanContext context, SourceSpan span, object target, string member, out object? value)
    {
        value = target is NullValue nothing ? new UndefinedValue(ValuePaths.Member(nothing.Path, member)) : target;
        return true;
    }

    public bool TrySetValue(ScribanContext context, SourceSpan span, object target, string member, object? value) => false;

    public bool TryGetItem(ScribanContext context, SourceSpan span, object target, object index, out object? value) =>
        TryGetValue(context, span, target, Convert.ToString(index, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, out value);

    public bool TrySetItem(ScribanContext context, SourceSpan span, object target, object index, object? value) => false;
}
