using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Declarative.Cli.Report;

/// <summary>
/// The report as one self-contained HTML file: the page's CSS and script are inlined from the assembly's resources
/// (Report/Assets), the data is one <c>application/json</c> script block. Nothing is fetched when it opens.
/// </summary>
internal static partial class ReportPage
{
    /// <summary>The default encoder writes <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> and quotes as <c>\u</c> escapes, so no
    /// value (a user name, an error message) can close the script block the data sits in.</summary>
    private static readonly JsonSerializerOptions Embedded = new() { Encoder = JavaScriptEncoder.Default };

    public static string Render(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var title = WebUtility.HtmlEncode($"{(string?)document["project"]} / {(string?)document["environment"]}");
        var parts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["title"] = title,
            ["style"] = Asset("report.css"),
            ["data"] = document.ToJsonString(Embedded),
            ["script"] = Asset("report.js"),
        };

        // One pass over the template: a value that happens to hold "{{script}}" is never expanded again.
        return Placeholder().Replace(Asset("report.html"), match => parts[match.Groups[1].Value]);
    }

    [GeneratedRegex(@"\{\{(title|style|data|script)\}\}")]
    private static partial Regex Placeholder();

    private static string Asset(string name)
    {
        using var stream = typeof(ReportPage).Assembly.GetManifestResourceStream($"Declarative.Cli.Report.Assets.{name}")
            ?? throw new InvalidOperationException($"The report asset {name} is missing from {typeof(ReportPage).Assembly.GetName().Name}: the build must embed src/Declarative.Cli/Report/Assets/{name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
