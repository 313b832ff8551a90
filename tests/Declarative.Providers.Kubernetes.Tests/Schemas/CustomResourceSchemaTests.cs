namespace Declarative.Providers.Kubernetes.Tests.Schemas;

public sealed class CustomResourceSchemaTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {kind: Widget, plural: widgets}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      required: [size]
                      properties:
                        size: {type: integer, minimum: 1, maximum: 10}
                        color: {type: string, enum: [red, green]}
                        name: {type: string, pattern: '^[a-z]+$', maxLength: 8}
                        port: {x-kubernetes-int-or-string: true}
                        tags: {type: array, maxItems: 2, items: {type: string}}
                        labels: {type: object, additionalProperties: {type: string}}
                        extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
                        template: {type: object, x-kubernetes-embedded-resource: true, x-kubernetes-preserve-unknown-fields: true}
                    status: {type: object}
        """;

    private const string Widget = """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: w, labels: {app: w}}
        spec:
          size: 3
          color: red
          name: abc
          port: http
          tags: [a, b]
          labels: {a: b}
          extra: {anything: [1, 2]}
          template: {apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {a: b}}
        status: {whatever: 1}
        """;

    [Fact]
    public void Accepts_a_custom_resource_that_fits_its_crd()
    {
        Assert.Empty(YamlDocuments.Validate(Project(Widget)));
    }

    [Fact]
    public void Reports_an_unknown_field_and_says_the_server_would_prune_it()
    {
        var diagnostics = YamlDocuments.Validate(Project(Widget.Replace("  color: red", "  colour: red", StringComparison.Ordinal)));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("35:3 DCL120 Unknown field spec.colour", Line(diagnostic));
        Assert.Contains("drops unknown fields of a custom resource silently", diagnostic.Detail[1], StringComparison.Ordinal);
        Assert.StartsWith("Did you mean color?", diagnostic.Detail[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_type_required_enum_pattern_range_length_and_count_errors_located()
    {
        var widget = """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            spec:
              color: blue
              name: ABCDEFGHIJ
              port: 1.5
              tags: [a, b, c]
              labels: [a]
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: x}
            spec:
              size: 11
            """;

        Assert.Equal(
            [
                "34:3 DCL121 Missing field spec.size",
                "34:10 DCL123 Invalid value for spec.color",
                "35:9 DCL123 Invalid value for spec.name",
                "36:9 DCL122 Wrong type for spec.port",
                "37:9 DCL123 Invalid value for spec.tags",
                "38:11 DCL122 Wrong type for spec.labels",
                "44:9 DCL123 Invalid value for spec.size",
            ],
            YamlDocuments.Located(Project(widget)));
    }

    [Fact]
    public void Leaves_a_custom_resource_without_its_crd_in_the_project_alone()
    {
        Assert.Empty(YamlDocuments.Validate(Widget.Replace("  color: red", "  colour: red", StringComparison.Ordinal)));
    }

    private static string Project(string customResources) => Crd + "\n---\n" + customResources;

    private static string Line(Core.Diagnostics.Diagnostic diagnostic) =>
        $"{diagnostic.Location!.Line}:{diagnostic.Location.Column} {diagnostic.Code} {diagnostic.Summary}";
}
