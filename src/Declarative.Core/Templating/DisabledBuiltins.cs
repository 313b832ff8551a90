namespace Declarative.Core.Templating;

/// <summary>Why Scriban's built-ins that templates do not get are missing, for the error that names one.</summary>
internal static class DisabledBuiltins
{
    public static string? Explain(string path)
    {
        var root = path.Split('.', '[')[0];
        return root switch
        {
            "date" or "timespan" => $"`{root}` is not available: a template renders the same way every run, so it cannot read the clock. Pass a time in the values with --set.",
            "object" => "`object` is not available: templates cannot evaluate text as code. Read values directly, as in `values.name`.",
            "include" or "include_join" => "`include` is not available: a template is one file and reads no other files. Put shared text in the values.",
            "regex" => "`regex` is not available. Use string.contains, string.starts_with, string.replace and the other string functions.",
            "array" or "html" => $"`{root}` is not available in templates; docs/templating.md lists the functions that are.",
            _ => null,
        };
    }
}
