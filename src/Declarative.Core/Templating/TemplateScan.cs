using System.Collections.Immutable;

namespace Declarative.Core.Templating;

/// <summary>The mustaches of a source, in source order; <see cref="UnclosedAt"/> is the offset of a <c>{{</c> that is
/// never closed (scanning stops there).</summary>
internal sealed record TemplateScan(ImmutableArray<TemplateTag> Tags, int? UnclosedAt);
