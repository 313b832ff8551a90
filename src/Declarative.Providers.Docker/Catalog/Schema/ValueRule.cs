namespace Declarative.Providers.Docker.Catalog.Schema;

/// <summary>
/// A syntax check on a scalar's text. <see cref="FindProblem"/> returns null when the text is valid, else the
/// reason as a sentence fragment ("port 99999 is not between 1 and 65535").
/// <see cref="What"/> names the value ("port mapping"); <see cref="Syntax"/> shows how to write it.
/// </summary>
internal sealed record ValueRule(string What, string Syntax, Func<string, string?> FindProblem)
{
    /// <summary>The rule as an unanchored regular expression that both .NET and ECMA-262 read the same way, when
    /// one says exactly what <see cref="FindProblem"/> accepts; null when it cannot (ports, addresses): the JSON
    /// Schema then carries <see cref="Syntax"/> as a description only.</summary>
    public string? Pattern { get; init; }

    /// <summary>True for a rule that takes whole numbers of 0 or more: the JSON Schema says integer, minimum 0.</summary>
    public bool WholeNumber { get; init; }
}
