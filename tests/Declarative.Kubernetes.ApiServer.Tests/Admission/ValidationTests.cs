using static Declarative.Kubernetes.ApiServer.Tests.Admission.Fixtures;

namespace Declarative.Kubernetes.ApiServer.Tests.Admission;

public sealed class ValidationTests
{
    [Fact]
    public void Deployment_whose_selector_misses_its_template_labels_is_rejected()
    {
        var status = Rejected(() => Chain().Create(Deployments, Deployment(selectorApp: "api", templateApp: "web")));

        var cause = OnlyCause(status);
        Assert.Equal("FieldValueInvalid", cause["reason"]!.GetValue<string>());
        Assert.Equal("spec.template.metadata.labels", cause["field"]!.GetValue<string>());
        Assert.Equal("Invalid value: {\"app\":\"web\"}: `selector` does not match template `labels`", cause["message"]!.GetValue<string>());
        Assert.Equal(
            "Deployment.apps \"web\" is invalid: spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}: `selector` does not match template `labels`",
            status["message"]!.GetValue<string>());
        Assert.Equal("apps", status["details"]!["group"]!.GetValue<string>());
        Assert.Equal("Deployment", status["details"]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void Deployment_without_a_selector_is_rejected_with_both_causes()
    {
        var body = Deployment();
        body["spec"]!.AsObject().Remove("selector");

        var status = Rejected(() => Chain().Create(Deployments, body));

        Assert.Equal(["spec.selector", "spec.template.metadata.labels"], CauseFields(status));
        Assert.Equal("FieldValueRequired", status["details"]!["causes"]![0]!["reason"]!.GetValue<string>());
        Assert.StartsWith("Deployment.apps \"web\" is invalid: [spec.selector: Required value, ", status["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("apps", "ReplicaSet")]
    [InlineData("apps", "DaemonSet")]
    [InlineData("apps", "StatefulSet")]
    public void Other_workloads_check_their_selector_against_the_template(string group, string kind)
    {
        var body = Deployment(selectorApp: "api", templateApp: "web");

        var status = Rejected(() => Chain().Create(Resource(group, kind), body));

        Assert.Equal(["spec.template.metadata.labels"], CauseFields(status));
    }

    [Fact]
    public void Selector_expressions_count_when_matching_the_template()
    {
        var body = Deployment();
        body["spec"]!["selector"] = Json("{'matchExpressions':[{'key':'app','operator':'In','values':['web','api']},{'key':'tier','operator':'DoesNotExist'}]}");

        var created = Chain().Create(Deployments, body);

        Assert.NotNull(created["spec"]!["selector"]);
    }

    [Fact]
    public void A_Deployment_whose_pods_would_not_restart_is_rejected()
    {
        var body = Deployment();
        body["spec"]!["template"]!["spec"]!["restartPolicy"] = "Never";

        var cause = OnlyCause(Rejected(() => Chain().Create(Deployments, body)));

        Assert.Equal("FieldValueNotSupported", cause["reason"]!.GetValue<string>());
        Assert.Equal("Unsupported value: \"Never\": supported values: \"Always\"", cause["message"]!.GetValue<string>());
    }

    [Fact]
    public void A_Job_left_with_the_default_restart_policy_is_rejected()
    {
        var body = Json("{'metadata':{'name':'j','uid':'u'},'spec':{'template':{'spec':{'containers':[{'name':'c','image':'m:1'}]}}}}");

        var cause = OnlyCause(Rejected(() => Chain().Create(Resource("batch", "Job"), body)));

        Assert.Equal("spec.template.spec.restartPolicy", cause["field"]!.GetValue<string>());
        Assert.Equal("Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"", cause["message"]!.GetValue<string>());
    }

    [Fact]
    public void Upper_case_names_are_rejected_with_the_subdomain_rule()
    {
        var cause = OnlyCause(Rejected(() => Chain().Create(Deployments, Deployment(name: "Web"))));

        Assert.Equal("metadata.name", cause["field"]!.GetValue<string>());
        Assert.StartsWith("Invalid value: \"Web\": a lowercase RFC 1123 subdomain must consist of", cause["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Namespace", "my.team", "a lowercase RFC 1123 label")]
    [InlineData("Service", "9web", "a DNS-1035 label")]
    public void Namespace_and_Service_names_are_labels(string kind, string name, string rule)
    {
        var body = kind == "Service" ? Service(name) : Json("{'metadata':{'name':'" + name + "'}}");

        var cause = OnlyCause(Rejected(() => Chain().Create(Resource("", kind), body)));

        Assert.Contains(rule, cause["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_without_a_name_or_generateName_is_rejected()
    {
        var cause = OnlyCause(Rejected(() => Chain().Create(Resource("", "ConfigMap"), Json("{'metadata':{}}"))));

        Assert.Equal("FieldValueRequired", cause["reason"]!.GetValue<string>());
        Assert.Equal("metadata.name", cause["field"]!.GetValue<string>());
    }

    [Fact]
    public void A_generateName_stands_in_for_the_name()
    {
        var created = Chain().Create(Resource("", "ConfigMap"), Json("{'metadata':{'generateName':'cfg-'}}"));

        Assert.Equal("cfg-", created["metadata"]!["generateName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{'bad key':'x'}", "name part must consist of")]
    [InlineData("{'app':'not ok'}", "a valid label must be an empty string")]
    [InlineData("{'Example.com/app':'x'}", "prefix part a lowercase RFC 1123 subdomain")]
    public void Bad_label_keys_and_values_are_rejected(string labels, string message)
    {
        var body = Json("{'metadata':{'name':'cfg','labels':" + labels + "}}");

        var cause = OnlyCause(Rejected(() => Chain().Create(Resource("", "ConfigMap"), body)));

        Assert.Equal("metadata.labels", cause["field"]!.GetValue<string>());
        Assert.Contains(message, cause["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_ClusterIP_Service_may_not_ask_for_a_node_port()
    {
        var cause = OnlyCause(Rejected(() => Chain().Create(Services, Service(body: "'ports':[{'port':80,'nodePort':30080}]"))));

        Assert.Equal("FieldValueForbidden", cause["reason"]!.GetValue<string>());
        Assert.Equal("spec.ports[0].nodePort", cause["field"]!.GetValue<string>());
    }
}
