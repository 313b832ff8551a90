using System.Collections.Immutable;
using static Declarative.Core.Tests.Templating.TemplateHarness;

namespace Declarative.Core.Tests.Templating;

/// <summary>The examples of docs/templating.md, rendered as written there.</summary>
public class ReferenceExampleTests
{
    [Fact]
    public void The_functions_example_renders_as_the_reference_says()
    {
        const string Template = """
            spec:
              replicas: {{ values.replicas | default 1 }}
              template:
                spec:
                  containers:
                  - name: web
                    image: "{{ values.image }}:{{ values.tag ?? "latest" }}"
                    resources:{{ values.resources | toYaml | nindent 10 }}
                    env:
                    - name: GREETING
                      value: {{ values.greeting | quote }}          # "say \"hi\""
                    - name: BUILD_ID
                      value: {{ envVar "BUILD_ID" "local" | quote }}
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
            data:
              password: {{ values.db.password | required "Set values.db.password, for example with --set-string db.password=..." | b64enc }}
            """;

        var result = Render(
            Template,
            """{"image": "web", "resources": {"limits": {"cpu": "1"}}, "greeting": "say \"hi\"", "db": {"password": "pw"}}""",
            environmentVariables: ImmutableDictionary<string, string>.Empty);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            """
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                  - name: web
                    image: "web:latest"
                    resources:
                      limits:
                        cpu: "1"
                    env:
                    - name: GREETING
                      value: "say \"hi\""          # "say \"hi\""
                    - name: BUILD_ID
                      value: "local"
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: db
            data:
              password: cHc=
            """,
            result.Value.Text);
    }

    [Fact]
    public void The_loop_and_condition_examples_leave_no_blank_lines()
    {
        const string Template = """
            ports:
            {{~ for port in values.ports ~}}
            - name: {{ port.name }}
              containerPort: {{ port.port }}
            {{~ end ~}}
            {{~ if values.debug ~}}
              debug: "true"
            {{~ else ~}}
              debug: "false"
            {{~ end ~}}
            labels:
            {{~ for label in values.labels ~}}
              {{ label.key }}: {{ label.value | quote }}
            {{~ end ~}}
            """;

        var text = Text(Template, """{"ports": [{"name": "http", "port": 80}], "debug": false, "labels": {"app": "web"}}""");

        Assert.Equal("ports:\n- name: http\n  containerPort: 80\n  debug: \"false\"\nlabels:\n  app: \"web\"\n", text);
    }
}
