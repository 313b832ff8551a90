namespace Declarative.Cli.Rendering;

/// <summary>Minimal ANSI styling that turns itself off when colour is not wanted.</summary>
public sealed class Ansi(bool enabled)
{
    public string Red(string text) => Wrap("31", text);

    public string Yellow(string text) => Wrap("33", text);

    public string Green(string text) => Wrap("32", text);

    public string Bold(string text) => Wrap("1", text);

    public string Dim(string text) => Wrap("2", text);

    private string Wrap(string code, string text) => enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
