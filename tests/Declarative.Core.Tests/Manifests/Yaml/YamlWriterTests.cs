using System.Text.Json.Nodes;
using Declarative.Core.Manifests;
using static Declarative.Core.Tests.Manifests.Yaml.YamlReading;

namespace Declarative.Core.Tests.Manifests.Yaml;

public sealed class YamlWriterTests
{
    public static TheoryData<string> TrickyDocuments() => new()
    {
        """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cfg","labels":{}},"data":{"a":"on","b":"0644","c":"1e3","d":"null","e":"","f":"yes","g":"~","h":"y","i":"2001-12-14","j":"190:20:30"}}""",
        """{"quoting":["a: b","a #b","-x","*x","&x","!x","{x","[x","'x","\"x","%x","@x","`x","?x","|x",">x",",x","#x"," lead","trail ","x:","<<","...","0x1F","+1",".5","1_000","0o17","True","NO","Off","-.inf",".nan","a *b","yes *","<x","x&y !z"],"a *":1,"<<x":2}""",
        """{"multi":"line one\nline two\n","noFinalNewline":"a\nb","leadingSpace":"  indented\nnext\n","trailingSpace":"a \nb\n","manyNewlines":"a\n\n\n","onlyNewline":"\n","emptyLines":"a\n\nb\n","tabs":"a\tb\n\tc\n","carriage":"a\r\nb"}""",
        """{"controls":"bell\u0007 nul\u0000 del\u007F nel\u0085 ls\u2028 bom\uFEFF","unicode":"héllo wörld ✓ 🚀","backslash":"C:\\path\\\"quoted\"","tab":"a\tb"}""",
        """{"numbers":[0,-1,1.5,1e300,-2.5e-8,18446744073709551615,9223372036854775807],"bools":[true,false],"nulls":[null,{"a":null}],"empty":{"o":{},"a":[],"s":""}}""",
        """{"nested":[[1,[2,[]]],[{"a":[{"b":{}}]}],{"c":[[{}]]}],"keys":{"1":"one","true":"t","null":"n","":"empty","a: b":"colon","with\nnewline":"x","on":"bool-looking"}}""",
        """["top","level","sequence",{"x":1}]""",
        "\"just a string\"",
        "\"multi\\nline root\\n\"",
        "42",
        "null",
        "{}",
    };

    [Theory]
    [MemberData(nameof(TrickyDocuments))]
    public void Writes_documents_that_read_back_to_the_same_json(string json)
    {
        var original = JsonNode.Parse(json) ?? JsonValue.Create((string?)null);

        var yaml = YamlWriter.Write([original!]);
        var result = YamlDocumentReader.Read(yaml, SourceFile);

        Assert.Empty(result.Diagnostics);
        var read = original is null ? null : Assert.Single(result.Value).Root;
        Assert.True(JsonNode.DeepEquals(original, read), $"YAML:\n{yaml}\nread back as:\n{Json(read)}");
    }

    [Fact]
    public void Writes_a_deployment_in_kubectl_style()
    {
        var deployment = JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","labels":{"app":"web","tier":"on"}},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
              "template":{"metadata":{"annotations":{}},"spec":{"containers":[
                {"name":"web","image":"nginx:1.27","args":["-g","daemon off;"],"ports":[{"containerPort":80,"protocol":"TCP"}],
                 "env":[{"name":"MODE","value":"0644"},{"name":"SCRIPT","value":"set -e\necho ready\n"}],"resources":{}}],
               "volumes":[]}}}}
            """)!;

        var yaml = YamlWriter.Write([deployment]);

        Assert.Equal(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels:
                app: web
                tier: "on"
            spec:
              replicas: 3
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  annotations: {}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    args:
                    - "-g"
                    - daemon off;
                    ports:
                    - containerPort: 80
                      protocol: TCP
                    env:
                    - name: MODE
                      value: "0644"
                    - name: SCRIPT
                      value: |
                        set -e
                        echo ready
                    resources: {}
                  volumes: []

            """,
            yaml);
    }

    [Fact]
    public void Separates_documents_with_a_dash_line_and_ends_with_a_newline()
    {
        var yaml = YamlWriter.Write([JsonNode.Parse("""{"a":1}""")!, JsonNode.Parse("""["x"]""")!]);

        Assert.Equal("a: 1\n---\n- x\n", yaml);
        Assert.Equal(2, YamlDocumentReader.Read(yaml, SourceFile).Value.Length);
    }

    [Fact]
    public void Writes_the_same_bytes_every_time()
    {
        var document = JsonNode.Parse("""{"b":{"z":[1,{"y":"on"}]},"a":"x\ny"}""")!;

        Assert.Equal(YamlWriter.Write([document]), YamlWriter.Write([document.DeepClone()]));
    }

    [Theory]
    [InlineData("leading space", "  two\nlines", "\"  two\\nlines\"")]
    [InlineData("trailing space", "two \nlines", "\"two \\nlines\"")]
    [InlineData("no final newline", "two\nlines", "|-\n  two\n  lines")]
    public void Chooses_a_literal_block_only_when_it_keeps_the_string_exact(string why, string value, string expected)
    {
        var yaml = YamlWriter.Write([new JsonObject { ["v"] = value }]);

        Assert.True(yaml == $"v: {expected}\n", $"{why}: {yaml}");
    }

    [Fact]
    public void Writes_an_empty_sequence_of_documents_as_empty_text()
    {
        Assert.Equal(string.Empty, YamlWriter.Write([]));
    }
}
