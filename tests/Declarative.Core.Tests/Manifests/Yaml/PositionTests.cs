using Declarative.Core.Manifests;
using static Declarative.Core.Tests.Manifests.Yaml.YamlReading;

namespace Declarative.Core.Tests.Manifests.Yaml;

public sealed class PositionTests
{
    private const string Deployment = """
        # a comment first
        apiVersion: apps/v1
        kind: Deployment
        spec:
          template:
            spec:
              containers:
              - name: web
                ports:
                - containerPort: 80
                  protocol: TCP
                command: [sh, -c, {x: 1}]
                script: |
                  echo hi
          "a/b~c": quoted
        """;

    [Theory]
    [InlineData("", 2, 1)]
    [InlineData("/kind", 3, 7)]
    [InlineData("/spec", 5, 3)]
    [InlineData("/spec/template/spec/containers", 8, 7)]
    [InlineData("/spec/template/spec/containers/0", 8, 9)]
    [InlineData("/spec/template/spec/containers/0/name", 8, 15)]
    [InlineData("/spec/template/spec/containers/0/ports/0/containerPort", 10, 26)]
    [InlineData("/spec/template/spec/containers/0/ports/0/protocol", 11, 21)]
    [InlineData("/spec/template/spec/containers/0/command", 12, 18)]
    [InlineData("/spec/template/spec/containers/0/command/1", 12, 23)]
    [InlineData("/spec/template/spec/containers/0/command/2/x", 12, 31)]
    [InlineData("/spec/template/spec/containers/0/script", 13, 17)]
    [InlineData("/spec/a~1b~0c", 15, 12)]
    public void Records_where_each_value_starts(string pointer, int line, int column)
    {
        var source = Single(Deployment).Source;

        Assert.Equal(new SourcePosition(line, column), source.ValuePositions[pointer]);
    }

    [Theory]
    [InlineData("/kind", 3, 1)]
    [InlineData("/spec/template/spec/containers", 7, 7)]
    [InlineData("/spec/template/spec/containers/0/ports/0/protocol", 11, 11)]
    [InlineData("/spec/template/spec/containers/0/command/2/x", 12, 28)]
    [InlineData("/spec/a~1b~0c", 15, 3)]
    public void Records_where_each_key_starts(string pointer, int line, int column)
    {
        var source = Single(Deployment).Source;

        Assert.Equal(new SourcePosition(line, column), source.KeyPositions[pointer]);
    }

    [Fact]
    public void Locates_a_node_as_file_line_and_column()
    {
        var source = Single(Deployment).Source;

        Assert.Equal($"{SourceFile}:10:26", source.Locate("/spec/template/spec/containers/0/ports/0/containerPort").ToString());
        Assert.Equal($"{SourceFile}:11:11", source.LocateKey("/spec/template/spec/containers/0/ports/0/protocol").ToString());
        Assert.Equal(SourceFile, source.File);
        Assert.Equal(new SourcePosition(2, 1), source.Start);
    }

    [Fact]
    public void Counts_the_same_positions_with_windows_line_endings()
    {
        var source = Single("a: 1\r\nb:\r\n  c: [x, y]\r\n").Source;

        Assert.Equal(new SourcePosition(3, 10), source.ValuePositions["/b/c/1"]);
        Assert.Equal(new SourcePosition(3, 3), source.KeyPositions["/b/c"]);
    }

    [Fact]
    public void Applies_the_line_map_to_every_position()
    {
        var source = Single("a: 1\nb:\n  c: 2\n", line => line + 10).Source;

        Assert.Equal(new SourcePosition(11, 1), source.Start);
        Assert.Equal(new SourcePosition(13, 6), source.ValuePositions["/b/c"]);
        Assert.Equal(new SourcePosition(13, 3), source.KeyPositions["/b/c"]);
    }

    [Fact]
    public void Applies_the_line_map_to_error_locations()
    {
        var error = SingleError("a: 1\nb: 'open\n", line => line * 100);

        Assert.Equal("200:4", At(error));
    }
}
