namespace Declarative.Providers.Docker.Images;

/// <summary>Puts a system error's message in the middle of a sentence of ours.</summary>
internal static class ErrorText
{
    /// <summary>The message without its final full stop, e.g. "Access to the path '/x' is denied".</summary>
    public static string Reason(Exception e) => e.Message.TrimEnd().TrimEnd('.');
}
