using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;

namespace Declarative.Providers.Docker.Tests.Catalog;

public sealed class ValueSyntaxTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static readonly CatalogContext Context = new(ImmutableArray<RenderedDocument>.Empty, "default");

    [Theory]
    [InlineData("Container", """{"image":"nginx","ports":["8080:80","127.0.0.1:8443:443","53:53/udp","9:9/sctp","[::1]:8080:80/tcp","0.0.0.0:1:65535"]}""")]
    [InlineData("Container", """{"image":"nginx","volumes":["data:/var/lib/data","data:/data:ro","./config:/etc/app:ro","../shared:/shared:rw","/var/run/docker.sock:/var/run/docker.sock",".:/app"]}""")]
    [InlineData("Container", """{"image":"nginx","restart":"no"}""")]
    [InlineData("Container", """{"image":"nginx","restart":"unless-stopped"}""")]
    [InlineData("Container", """{"image":"nginx","restart":"on-failure"}""")]
    [InlineData("Container", """{"image":"nginx","restart":"on-failure:5"}""")]
    [InlineData("Container", """{"image":"nginx","healthcheck":{"test":"curl -f http://localhost/ || exit 1","interval":"1m30s","timeout":"500ms","startPeriod":"0","retries":0}}""")]
    [InlineData("Container", """{"image":"nginx","healthcheck":{"test":["CMD-SHELL","curl -f http://localhost/"]}}""")]
    [InlineData("Container", """{"image":"nginx","healthcheck":{"test":["NONE"]}}""")]
    [InlineData("Container", """{"image":"nginx","stopTimeout":0}""")]
    [InlineData("Container", """{"image":"${image:kubia}"}""")]
    [InlineData("Container", """{"image":"nginx:1.27"}""")]
    [InlineData("Container", """{"image":"127.0.0.1:5000/kubia:in1-0123456789ab"}""")]
    [InlineData("Container", $$"""{"image":"ghcr.io/acme/api:v1.2@{{Digest}}"}""")]
    [InlineData("Container", """{"image":"nginx","command":"npm start","entrypoint":["/docker-entrypoint.sh"],"user":"app","workdir":"/srv/app","networks":["backend","host"]}""")]
    [InlineData("Container", """{"image":"nginx","env":{"PORT":8080,"DEBUG":true,"spring.profiles.active":"prod","_X":"1"}}""")]
    [InlineData("Image", """{"context":".","platform":"linux/amd64","repository":"kubia","target":"build-stage"}""")]
    [InlineData("Image", """{"context":".","repository":"localhost/team/app"}""")]
    [InlineData("Image", """{"context":".","repository":"registry.example.com:443/a/b-c_d.e__f"}""")]
    [InlineData("Registry", """{"server":"[::1]:5000"}""")]
    [InlineData("Registry", """{"server":"localhost:5000","username":"bot","password":{"fromEnv":"TOKEN"}}""")]
    [InlineData("Network", """{"subnet":"fd00:1::/64"}""")]
    [InlineData("Network", """{"subnet":"10.0.0.0/8","driver":"overlay"}""")]
    public void Accepts_valid_values(string kind, string spec) =>
        Assert.Empty(Validate(TestDocument.Of(kind, spec)));

    [Theory]
    [InlineData("""{"image":"nginx","ports":["80"]}""", "/spec/ports/0", "a container port alone is not supported")]
    [InlineData("""{"image":"nginx","ports":["8080-8090:80"]}""", "/spec/ports/0", "port ranges such as \"8080-8090\" are not supported")]
    [InlineData("""{"image":"nginx","ports":["80:99999"]}""", "/spec/ports/0", "port 99999 is not between 1 and 65535")]
    [InlineData("""{"image":"nginx","ports":["8080:80","0:80"]}""", "/spec/ports/1", "port 0 is not between 1 and 65535")]
    [InlineData("""{"image":"nginx","ports":["80:80/http"]}""", "/spec/ports/0", "the protocol \"http\" is not tcp, udp or sctp")]
    [InlineData("""{"image":"nginx","ports":["300.1.1.1:80:80"]}""", "/spec/ports/0", "\"300.1.1.1\" is not an IPv4 address")]
    [InlineData("""{"image":"nginx","ports":["[::1:8080:80"]}""", "/spec/ports/0", "no closing ']'")]
    [InlineData("""{"image":"nginx","ports":["[1.2.3.4]:80:80"]}""", "/spec/ports/0", "\"1.2.3.4\" is not an IPv6 address")]
    [InlineData("""{"image":"nginx","ports":["::1:8080:80"]}""", "/spec/ports/0", "write an IPv6 address in brackets")]
    [InlineData("""{"image":"nginx","ports":["http:80"]}""", "/spec/ports/0", "\"http\" is not a port number")]
    [InlineData("""{"image":"nginx","volumes":["/data"]}""", "/spec/volumes/0", "anonymous volumes are not supported")]
    [InlineData("""{"image":"nginx","volumes":["data:relative/path"]}""", "/spec/volumes/0", "the container path \"relative/path\" is not absolute")]
    [InlineData("""{"image":"nginx","volumes":["data:/data:rx"]}""", "/spec/volumes/0", "the mode \"rx\" is not ro or rw")]
    [InlineData("""{"image":"nginx","volumes":["my data:/data"]}""", "/spec/volumes/0", "neither a volume name nor a host path")]
    [InlineData("""{"image":"nginx","volumes":["a:/b:ro:x"]}""", "/spec/volumes/0", "too many ':' separators")]
    [InlineData("""{"image":"nginx","restart":"sometimes"}""", "/spec/restart", "\"sometimes\" is not no, always, unless-stopped or on-failure[:N]")]
    [InlineData("""{"image":"nginx","restart":"on-failure:x"}""", "/spec/restart", "the retry count \"x\" is not a whole number")]
    [InlineData("""{"image":"nginx","healthcheck":{"test":["RUN","true"]}}""", "/spec/healthcheck/test", "the first item \"RUN\" is not CMD, CMD-SHELL or NONE")]
    [InlineData("""{"image":"nginx","healthcheck":{"test":["CMD"]}}""", "/spec/healthcheck/test", "CMD needs a command after it")]
    [InlineData("""{"image":"nginx","healthcheck":{"test":["NONE","x"]}}""", "/spec/healthcheck/test", "takes nothing after NONE")]
    [InlineData("""{"image":"nginx","healthcheck":{"test":[]}}""", "/spec/healthcheck/test", "the list is empty")]
    [InlineData("""{"image":"nginx","healthcheck":{"interval":"30"}}""", "/spec/healthcheck/interval", "it is not a duration such as 30s")]
    [InlineData("""{"image":"nginx","healthcheck":{"timeout":"-1s"}}""", "/spec/healthcheck/timeout", "Invalid duration in spec.healthcheck.timeout")]
    [InlineData("""{"image":"nginx","healthcheck":{"startPeriod":"5 minutes"}}""", "/spec/healthcheck/startPeriod", "spec.healthcheck.startPeriod is \"5 minutes\"")]
    [InlineData("""{"image":"nginx","healthcheck":{"retries":-1}}""", "/spec/healthcheck/retries", "not a whole number of 0 or more")]
    [InlineData("""{"image":"nginx","healthcheck":{"retries":1.5}}""", "/spec/healthcheck/retries", "spec.healthcheck.retries is 1.5")]
    [InlineData("""{"image":"nginx","stopTimeout":-5}""", "/spec/stopTimeout", "Invalid whole number in spec.stopTimeout")]
    [InlineData("""{"image":"${image:kubia}-debug"}""", "/spec/image", "must be exactly ${image:NAME}")]
    [InlineData("""{"image":"Nginx"}""", "/spec/image", "it must be lowercase")]
    [InlineData("""{"image":"nginx:bad tag"}""", "/spec/image", "\"bad tag\" is not a valid tag")]
    [InlineData("""{"image":"nginx@sha256:xyz"}""", "/spec/image", "is not a digest")]
    [InlineData("""{"image":""}""", "/spec/image", "it is empty")]
    [InlineData("""{"image":"nginx","networks":["back end"]}""", "/spec/networks/0", "Invalid Docker object name in spec.networks[0]")]
    [InlineData("""{"image":"nginx","workdir":"app"}""", "/spec/workdir", "it is not an absolute path")]
    [InlineData("""{"image":"nginx","user":"my user"}""", "/spec/user", "it contains white space")]
    [InlineData("""{"image":"nginx","command":""}""", "/spec/command", "it is empty")]
    public void Reports_an_invalid_container_value_at_the_value(string spec, string pointer, string fragment) =>
        AssertInvalid("Container", spec, pointer, fragment);

    [Theory]
    [InlineData("Image", """{"context":".","platform":"linux"}""", "/spec/platform", "it is not os/arch or os/arch/variant")]
    [InlineData("Image", """{"context":".","platform":"Linux/AMD64"}""", "/spec/platform", "Invalid platform in spec.platform")]
    [InlineData("Image", """{"context":".","repository":"127.0.0.1:5000/Kubia"}""", "/spec/repository", "it must be lowercase")]
    [InlineData("Image", """{"context":".","repository":"ghcr.io/acme/api:1.0"}""", "/spec/repository", "a repository has no tag")]
    [InlineData("Image", $$"""{"context":".","repository":"ghcr.io/acme/api@{{Digest}}"}""", "/spec/repository", "a repository has no digest")]
    [InlineData("Image", """{"context":".","repository":"ghcr.io/-bad"}""", "/spec/repository", "\"-bad\" is not a valid path component")]
    [InlineData("Image", """{"context":".","repository":"bad_host.:5000/app"}""", "/spec/repository", "the registry host is not valid")]
    [InlineData("Image", """{"context":".","repository":"ghcr.io/api","registry":"my registry"}""", "/spec/registry", "Invalid Docker object name in spec.registry")]
    [InlineData("Image", """{"context":".","target":"1st"}""", "/spec/target", "Invalid build stage name in spec.target")]
    [InlineData("Image", """{"context":""}""", "/spec/context", "spec.context is \"\": it is empty")]
    [InlineData("Registry", """{"server":"https://ghcr.io"}""", "/spec/server", "it has a scheme")]
    [InlineData("Registry", """{"server":"ghcr.io/acme"}""", "/spec/server", "it has a path")]
    [InlineData("Registry", """{"server":"registry:99999"}""", "/spec/server", "port 99999 is not between 1 and 65535")]
    [InlineData("Registry", """{"server":"ghcr.io","username":"bot","password":{"fromEnv":"MY TOKEN"}}""", "/spec/password/fromEnv", "Invalid variable name in spec.password.fromEnv")]
    [InlineData("Network", """{"subnet":"172.28.0.0"}""", "/spec/subnet", "the prefix length (/N) is missing")]
    [InlineData("Network", """{"subnet":"172.28.0.0/33"}""", "/spec/subnet", "the prefix length \"33\" is not between 0 and 32")]
    [InlineData("Network", """{"subnet":"fd00::/129"}""", "/spec/subnet", "is not between 0 and 128")]
    [InlineData("Network", """{"subnet":"backend/8"}""", "/spec/subnet", "\"backend\" is not an IPv4 or IPv6 address")]
    [InlineData("Volume", """{"driver":""}""", "/spec/driver", "it is empty")]
    public void Reports_an_invalid_value_of_other_kinds_at_the_value(string kind, string spec, string pointer, string fragment) =>
        AssertInvalid(kind, spec, pointer, fragment);

    [Fact]
    public void Ends_an_invalid_value_with_how_to_write_it()
    {
        var document = TestDocument.Of("Container", """{"image":"nginx","ports":["80"]}""");

        var diagnostic = Assert.Single(Validate(document));

        Assert.Equal("Invalid port mapping in spec.ports[0]", diagnostic.Summary);
        Assert.Equal("spec.ports[0] is \"80\": it needs a host port and a container port; a container port alone is not supported.", diagnostic.Detail[0]);
        Assert.StartsWith("Write spec.ports[0] as [ip:]host:container[/proto]", diagnostic.Detail[^1], StringComparison.Ordinal);
    }

    private static void AssertInvalid(string kind, string spec, string pointer, string fragment)
    {
        var document = TestDocument.Of(kind, spec);

        DiagnosticAssert.Single(Validate(document), DiagnosticCodes.InvalidValue, document.ValueAt(pointer), fragment);
    }

    private static List<Diagnostic> Validate(RenderedDocument document) => [.. new DockerKindCatalog().Validate(document, Context)];
}
