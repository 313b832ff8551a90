using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Declarative.Core.Diagnostics;

namespace Declarative.Core.Templating;

/// <summary>
/// The diagnostics of one render, collected as rendering goes on so that every problem is reported, not only the
/// first. An expression that a loop prints many times is reported once (for the first item that lacks the value).
/// </summary>
internal sealed partial class TemplateProblems(TemplateLocator locator)
{
    private readonly List<Diagnostic> _found = [];
    private readonly HashSet<(SourceLocation Location, int Statement, string What)> _seen = [];

    public TemplateLocator Locator => locator;

    public bool IsEmpty => _found.Count == 0;

    public void Undefined(UndefinedValue value, int statementOffset, string statement, bool isPrinted)
    {
        var location = locator.Locate(statementOffset);
        if (_seen.Add((location, statementOffset, ListIndex().Replace(value.Path, "[]"))))
        {
            _found.Add(TemplateDiagnostics.Undefined(value.Path, statement, isPrinted, location));
        }
    }

    public void Failure(TemplateFailure failure, int statementOffset)
    {
        var location = locator.Locate(statementOffset);
        if (_seen.Add((location, statementOffset, failure.Code + (failure.Detail.Count > 0 ? failure.Detail[0] : string.Empty))))
        {
            _found.Add(Diagnostic.Error(failure.Code, failure.Summary, location, [.. failure.Detail]));
        }
    }

    public void Add(Diagnostic diagnostic) => _found.Add(diagnostic);

    public ImmutableArray<Diagnostic> ToImmutable() =>
        [.. _found.OrderBy(d => d.Location?.Line).ThenBy(d => d.Location?.Column)];

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ListIndex();
}
