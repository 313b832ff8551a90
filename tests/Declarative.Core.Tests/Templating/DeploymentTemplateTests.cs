using static Declarative.Core.Tests.Templating.TemplateHarness;

namespace Declarative.Core.Tests.Templating;

public class DeploymentTemplateTests
{
    private const string Template = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ project.name }}-web
          labels:
            app: web
            env: {{ env.name }}
        spec:
          replicas: {{ values.replicas | default 1 }}
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: {{ values.image.repository }}:{{ values.image.tag | quote }}
                ports:
        {{~ for port in values.ports ~}}
                - name: {{ port.name }}
                  containerPort: {{ port.port }}
        {{~ end ~}}
        {{~ if values.env ~}}
                env:
        {{~ for variable in values.env ~}}
                - name: {{ variable.key }}
                  value: {{ variable.value | quote }}
        {{~ end ~}}
        {{~ end ~}}
        """;

    private const string Expected = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: kubia-web
          labels:
            app: web
            env: dev
        spec:
          replicas: 3
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: registry.local/kubia:"1.4"
                ports:
                - name: http
                  containerPort: 8080
                - name: metrics
                  containerPort: 9090
                env:
                - name: LOG_LEVEL
                  value: "debug"
                - name: PORT
                  value: "8080"

        """;

    [Fact]
    public void Renders_a_whole_deployment_from_values()
    {
        var result = Render(
            Template,
            """
            {
              "replicas": 3,
              "image": {"repository": "registry.local/kubia", "tag": "1.4"},
              "ports": [{"name": "http", "port": 8080}, {"name": "metrics", "port": 9090}],
              "env": {"LOG_LEVEL": "debug", "PORT": 8080}
            }
            """);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(Expected.TrimEnd('\n') + "\n", result.Value.Text);
        Assert.Equal(29, result.Value.LineMap(29));
        Assert.Equal(23, result.Value.LineMap(24));
    }

    [Fact]
    public void Reports_what_the_deployment_misses_at_the_lines_that_use_it()
    {
        var result = Render(Template, """{"ports": [{"name": "http"}]}""");

        Assert.Equal(["DCL111 20:16", "DCL111 20:46", "DCL111 24:26"], Describe(result.Diagnostics));
        Assert.Equal(["values.image", "values.image", "values.ports[0].port"], MissingPaths(result.Diagnostics));
    }
}
