using Declarative.Core.Durations;

namespace Declarative.Core.Tests.Durations;

/// <summary>Cases from Go's own time.ParseDuration tests, so that a duration kubectl or Helm takes is taken here.</summary>
public sealed class GoDurationTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("+0", 0L)]
    [InlineData("5s", 5_000_000_000L)]
    [InlineData("90s", 90_000_000_000L)]
    [InlineData("+5s", 5_000_000_000L)]
    [InlineData("-5s", -5_000_000_000L)]
    [InlineData("5m", 300_000_000_000L)]
    [InlineData("1h30m", 5_400_000_000_000L)]
    [InlineData("1.5h", 5_400_000_000_000L)]
    [InlineData("500ms", 500_000_000L)]
    [InlineData("5.s", 5_000_000_000L)]
    [InlineData(".5s", 500_000_000L)]
    [InlineData("1.004s", 1_004_000_000L)]
    [InlineData("10ns", 10L)]
    [InlineData("11us", 11_000L)]
    [InlineData("12µs", 12_000L)]
    [InlineData("12μs", 12_000L)]
    [InlineData("10.5s4m", 250_500_000_000L)]
    [InlineData("-2m3.4s", -123_400_000_000L)]
    [InlineData("1h2m3s4ms5us6ns", 3_723_004_005_006L)]
    [InlineData("0.3333333333333333333h", 1_200_000_000_000L)]
    [InlineData("9223372036854775807ns", long.MaxValue)]
    [InlineData("9223372036s854ms775us807ns", long.MaxValue)]
    [InlineData("-9223372036854775808ns", long.MinValue)]
    public void Reads_what_Go_reads(string text, long nanoseconds)
    {
        Assert.True(GoDuration.TryParseNanoseconds(text, out var parsed), text);
        Assert.Equal(nanoseconds, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("-")]
    [InlineData("s")]
    [InlineData(".")]
    [InlineData("-.")]
    [InlineData(".s")]
    [InlineData("1..5s")]
    [InlineData("5x")]
    [InlineData("1d")]
    [InlineData("00:05:00")]
    [InlineData("5 m")]
    [InlineData("5S")]
    [InlineData("9223372036854775808ns")]
    [InlineData("9223372036854775.808us")]
    [InlineData("99999999999999999999999999999999h")]
    public void Refuses_what_Go_refuses(string text) =>
        Assert.False(GoDuration.TryParseNanoseconds(text, out _), text);

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(1L, "1ns")]
    [InlineData(1_100L, "1.1µs")]
    [InlineData(2_200_000L, "2.2ms")]
    [InlineData(1_500_000_000L, "1.5s")]
    [InlineData(90_000_000_000L, "1m30s")]
    [InlineData(5_400_000_000_000L, "1h30m0s")]
    [InlineData(-5_000_000_000L, "-5s")]
    [InlineData(long.MinValue, "-2562047h47m16.854775808s")]
    [InlineData(long.MaxValue, "2562047h47m16.854775807s")]
    public void Prints_as_Go_prints(long nanoseconds, string text) =>
        Assert.Equal(text, GoDuration.Format(nanoseconds));

    [Fact]
    public void Reads_into_a_TimeSpan_and_back()
    {
        Assert.True(GoDuration.TryParse("1h30m", out var duration));

        Assert.Equal(TimeSpan.FromMinutes(90), duration);
        Assert.Equal("1h30m0s", GoDuration.Format(duration));
    }
}
