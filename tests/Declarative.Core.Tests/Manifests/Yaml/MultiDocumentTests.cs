using Declarative.Core.Manifests;
using static Declarative.Core.Tests.Manifests.Yaml.YamlReading;

namespace Declarative.Core.Tests.Manifests.Yaml;

public sealed class MultiDocumentTests
{
    [Fact]
    public void Skips_empty_documents_but_counts_them_in_the_index()
    {
        const string yaml = "# license header\n---\nkind: A\n---\n# only a comment\n---\n---\n~\n---\nkind: B\n...\n---\nnull\n";

        var result = YamlDocumentReader.Read(yaml, SourceFile);

        Assert.Empty(result.Diagnostics);
        Assert.Collection(
            result.Value,
            first =>
            {
                Assert.Equal("A", first.Root!["kind"]!.GetValue<string>());
                Assert.Equal(0, first.Source.Index);
                Assert.Equal(new SourcePosition(3, 1), first.Source.Start);
            },
            second =>
            {
                Assert.Equal("B", second.Root!["kind"]!.GetValue<string>());
                Assert.Equal(4, second.Source.Index);
                Assert.Equal(new SourcePosition(10, 7), second.Source.ValuePositions["/kind"]);
            });
    }

    [Fact]
    public void Returns_nothing_for_a_file_of_comments()
    {
        var result = YamlDocumentReader.Read("# nothing here\n\n", SourceFile);

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Value);
    }

    [Fact]
    public void Returns_a_scalar_document_for_the_next_stage_to_reject()
    {
        var document = Single("just text\n");

        Assert.Equal("just text", document.Root!.GetValue<string>());
    }

    [Fact]
    public void Keeps_the_documents_before_a_syntax_error_and_stops_there()
    {
        var result = YamlDocumentReader.Read("kind: A\n---\nkind: [B\n---\nkind: C\n", SourceFile);

        var document = Assert.Single(result.Value);
        Assert.Equal("A", document.Root!["kind"]!.GetValue<string>());
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("Flow list is not closed", error.Summary);
    }

    [Fact]
    public void Scopes_anchors_to_their_document()
    {
        var result = YamlDocumentReader.Read("a: &x 1\n---\nb: *x\n", SourceFile);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("Unknown alias \"*x\"", error.Summary);
        Assert.Equal("3:4", At(error));
    }
}
