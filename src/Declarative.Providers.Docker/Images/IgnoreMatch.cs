namespace Declarative.Providers.Docker.Images;

/// <summary>
/// The result of matching one path during the walk: whether it is excluded, and which patterns matched it
/// (its children inherit those matches, as in patternmatcher's <c>MatchInfo</c>).
/// </summary>
internal sealed class IgnoreMatch(bool excluded, bool[] matchedPatterns)
{
    public bool Excluded { get; } = excluded;

    public bool PatternMatched(int index) => matchedPatterns[index];
}
