using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;

namespace Declarative.Core.Tests.Manifests.Loading;

public sealed class ManifestReaderTests
{
    [Fact]
    public void A_stream_of_json_objects_is_read_like_kubectl_reads_it()
    {
        const string text = """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}
            {"apiVersion":"v1","kind":"ConfigMap",
             "metadata":{"name":"b"}}
            """;

        var result = ManifestReader.Read(text, "/p/stream.json");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(["a", "b"], result.Value.Select(d => d.Root!["metadata"]!["name"]!.GetValue<string>()));
        Assert.Equal(new SourceLocation("/p/stream.json", 3, 21), result.Value[1].Source.Locate("/metadata/name"));
        Assert.Equal([0, 1], result.Value.Select(d => d.Source.Index));
    }

    [Fact]
    public void A_single_json_object_and_yaml_are_read_as_yaml()
    {
        var json = ManifestReader.Read("""{"apiVersion": "v1", "kind": "ConfigMap", "data": {"mode": "0644"}}""", "/p/one.json");
        var yaml = ManifestReader.Read("a: 1\n---\nb: 0644\n", "/p/two.yaml");

        Assert.Equal("0644", Assert.Single(json.Value).Root!["data"]!["mode"]!.GetValue<string>());
        Assert.Equal(420, yaml.Value[1].Root!["b"]!.GetValue<long>());
    }

    [Fact]
    public void Positions_in_a_json_stream_follow_the_line_map()
    {
        var result = ManifestReader.Read("{\"a\": 1}\n{\"b\": 2}\n", "/p/s.json", line => line + 10);

        Assert.Equal(12, result.Value[1].Source.Locate("/b").Line);
    }

    [Fact]
    public void Broken_json_is_reported_with_a_location()
    {
        var result = ManifestReader.Read("{\"a\": 1}\n{\"b\": }\n", "/p/bad.json");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.Equal("/p/bad.json", error.Location!.File);
    }
}
