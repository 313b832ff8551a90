namespace Declarative.Providers.Docker.Catalog.Syntax;

/// <summary>
/// A healthcheck test as a list: <c>["CMD", exe, args...]</c>, <c>["CMD-SHELL", command]</c> or
/// <c>["NONE"]</c> (turns off the image's healthcheck). A plain string is the CMD-SHELL form.
/// </summary>
internal static class HealthcheckTest
{
    public static string? FindProblem(IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return "the list is empty";
        }

        return items[0] switch
        {
            "NONE" => items.Count == 1 ? null : "[\"NONE\"] takes nothing after NONE",
            "CMD" or "CMD-SHELL" => items.Count > 1 ? null : $"{items[0]} needs a command after it",
            _ => $"the first item \"{items[0]}\" is not CMD, CMD-SHELL or NONE",
        };
    }
}
