namespace Declarative.Cli.Tests.LiveProgress;

/// <summary>A measurement, not a check: it runs only when DECLARATIVE_MEASURE=1 asks for its figures, because a
/// timing compared on a shared machine fails for reasons of its own and costs the suite minutes.</summary>
public sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("DECLARATIVE_MEASURE") != "1")
        {
            Skip = "A measurement: set DECLARATIVE_MEASURE=1 to run it and read its figures.";
        }
    }
}
