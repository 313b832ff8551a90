using System.Globalization;
using Declarative.Providers.Docker.Catalog.Schema;

namespace Declarative.Providers.Docker.Catalog.Syntax;

/// <summary>Every syntax rule of the Docker kinds, named and with the syntax shown to the user.</summary>
internal static class ValueRules
{
    public static readonly ValueRule ObjectName = new(
        "Docker object name", "a name of letters, digits, '_', '.' and '-' that starts with a letter or digit, for example \"web-1\"", DockerNames.FindObjectNameProblem) { Pattern = DockerNames.ObjectNamePattern };

    public static readonly ValueRule VariableName = new(
        "variable name", "a name of letters, digits, '_', '.' and '-' that starts with a letter or '_', for example \"LOG_LEVEL\"", DockerNames.FindVariableProblem) { Pattern = DockerNames.VariableNamePattern };

    public static readonly ValueRule Port = new(
        "port mapping", "[ip:]host:container[/proto], for example \"8080:80\", \"127.0.0.1:53:53/udp\" or \"[::1]:8080:80\"", PortMapping.FindProblem);

    public static readonly ValueRule Volume = new(
        "volume mount", "name:/path[:ro|rw] or ./host/path:/path[:ro|rw], for example \"data:/var/lib/data\" or \"./config:/etc/app:ro\"", VolumeMount.FindProblem);

    public static readonly ValueRule Restart = new(
        "restart policy", "one of no, always, unless-stopped, on-failure or on-failure:N (in quotes for no)", RestartPolicy.FindProblem) { Pattern = RestartPolicy.Pattern };

    public static readonly ValueRule Duration = new(
        "duration", "a duration such as \"30s\", \"1m30s\" or \"500ms\" (units ns, us, ms, s, m, h)", GoDuration.FindProblem) { Pattern = GoDuration.Pattern };

    public static readonly ValueRule NonNegativeInteger = new(
        "whole number", "a whole number of 0 or more, for example 3", FindNonNegativeIntegerProblem) { WholeNumber = true };

    public static readonly ValueRule Image = new(
        "image reference", "${image:NAME} for an Image of the project, or a reference such as \"nginx:1.27\" or \"ghcr.io/acme/api@sha256:<digest>\"", ImageReference.FindImageProblem);

    public static readonly ValueRule Repository = new(
        "repository", "a lowercase [host[:port]/]path without tag or digest, for example \"127.0.0.1:5000/kubia\"", ImageReference.FindRepositoryProblem);

    public static readonly ValueRule Server = new(
        "registry server", "host[:port], for example \"127.0.0.1:5000\" or \"ghcr.io\"", NetworkAddress.FindServerProblem);

    public static readonly ValueRule Subnet = new(
        "subnet", "an IPv4 or IPv6 CIDR, for example \"172.28.0.0/16\" or \"fd00:1::/64\"", NetworkAddress.FindSubnetProblem);

    public static readonly ValueRule BuildPlatform = new(
        "platform", "os/arch[/variant], for example \"linux/amd64\" or \"linux/arm64/v8\"", Platform.FindProblem) { Pattern = Platform.Pattern };

    public static readonly ValueRule Stage = new(
        "build stage name", "the name of a stage of the Dockerfile (FROM ... AS NAME), for example \"runtime\"", DockerNames.FindStageProblem) { Pattern = DockerNames.StageNamePattern };

    public static readonly ValueRule AbsolutePath = new(
        "absolute path", "an absolute path, for example \"/app\"", PathSyntax.FindAbsoluteProblem) { Pattern = PathSyntax.AbsolutePattern };

    public static readonly ValueRule NonEmpty = new("value", "a non-empty string", PathSyntax.FindEmptyProblem) { Pattern = PathSyntax.NotBlankPattern };

    public static readonly ValueRule User = new(
        "user", "user[:group] by name or number, for example \"app\" or \"1000:1000\"", PathSyntax.FindWordProblem) { Pattern = PathSyntax.WordPattern };

    public static readonly ListRule HealthcheckCommand = new(
        "healthcheck test", "[\"CMD\", \"executable\", \"arg\"...], [\"CMD-SHELL\", \"command\"], [\"NONE\"] or a shell command string", HealthcheckTest.FindProblem);

    private static string? FindNonNegativeIntegerProblem(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? null : "it is not a whole number of 0 or more";
}
