namespace Declarative.Core.Providers;

/// <summary>A field another manager set that applying will take back ("(taken from kubectl)").</summary>
public sealed record TakenField(string Path, string Manager);
