using System.Globalization;

namespace Declarative.Reliability.Tests;

/// <summary>
/// How big a run is: CI runs the defaults (10 kill trials, 50 inputs); scripts/reliability.sh sets
/// RELIABILITY_TRIALS=100 and RELIABILITY_INPUTS=500. RELIABILITY_SEED makes a run repeatable (the default is fixed,
/// so CI is repeatable too); RELIABILITY_RESULTS names a folder where each suite writes its figures for the script.
/// </summary>
internal sealed record ReliabilitySettings(int Trials, int Inputs, int Seed, string? ResultsFolder)
{
    public static ReliabilitySettings FromEnvironment() => new(
        Number("RELIABILITY_TRIALS", 10),
        Number("RELIABILITY_INPUTS", 50),
        Number("RELIABILITY_SEED", 17),
        Environment.GetEnvironmentVariable("RELIABILITY_RESULTS") is { Length: > 0 } folder ? folder : null);

    private static int Number(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text
            ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : fallback;
}
