namespace Declarative.Providers.Docker.Catalog.Schema;

/// <summary>A check on a whole list of strings (its first item decides what the rest mean); like
/// <see cref="ValueRule"/>, <see cref="FindProblem"/> returns null when the list is valid.</summary>
internal sealed record ListRule(string What, string Syntax, Func<IReadOnlyList<string>, string?> FindProblem);
