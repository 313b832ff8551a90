namespace Declarative.Providers.Docker.Catalog.Schema;

/// <summary>
/// A syntax check on a scalar's text. <see cref="FindProblem"/> returns null when the text is valid, else the
/// reason as a sentence fragment ("port 99999 is not between 1 and 65535").
/// <see cref="What"/> names the value ("port mapping"); <see cref="Syntax"/> shows how to write it.
/// </summary>
internal sealed record ValueRule(string What, string Syntax, Func<string, string?> FindProblem);
