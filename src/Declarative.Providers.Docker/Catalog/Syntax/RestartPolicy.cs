namespace Declarative.Providers.Docker.Catalog.Syntax;

/// <summary><c>no</c>, <c>always</c>, <c>unless-stopped</c>, <c>on-failure</c> or <c>on-failure:N</c>.</summary>
internal static class RestartPolicy
{
    private const string OnFailure = "on-failure:";

    /// <summary>What <see cref="FindProblem"/> accepts, for the JSON Schema (ValueRulePatternTests hold the two together).</summary>
    public const string Pattern = "no|always|unless-stopped|on-failure(?::[0-9]{1,9})?";

    public static string? FindProblem(string text)
    {
        if (text is "no" or "always" or "unless-stopped" or "on-failure")
        {
            return null;
        }

        if (text.StartsWith(OnFailure, StringComparison.Ordinal))
        {
            var count = text[OnFailure.Length..];
            return count.Length is > 0 and <= 9 && count.All(char.IsAsciiDigit)
                ? null
                : $"the retry count \"{count}\" is not a whole number";
        }

        return $"\"{text}\" is not no, always, unless-stopped or on-failure[:N]";
    }
}
