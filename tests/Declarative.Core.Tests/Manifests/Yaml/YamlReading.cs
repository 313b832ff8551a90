using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;

namespace Declarative.Core.Tests.Manifests.Yaml;

internal static class YamlReading
{
    public const string SourceFile = "/project/app.yaml";

    public static ParsedDocument Single(string yaml, Func<int, int>? lineMap = null)
    {
        var result = YamlDocumentReader.Read(yaml, SourceFile, lineMap);
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Value);
    }

    public static JsonNode? Value(string scalar) => Single($"v: {scalar}\n").Root!["v"];

    public static Diagnostic SingleError(string yaml, Func<int, int>? lineMap = null)
    {
        var result = YamlDocumentReader.Read(yaml, SourceFile, lineMap);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.Equal(Severity.Error, error.Severity);
        return error;
    }

    public static string At(Diagnostic diagnostic) => $"{diagnostic.Location!.Line}:{diagnostic.Location.Column}";

    public static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";
}
