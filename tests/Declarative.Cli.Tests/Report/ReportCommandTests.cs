using static Declarative.Cli.Tests.Report.ReportSamples;

namespace Declarative.Cli.Tests.Report;

/// <summary><c>decl report</c> when the manifests are broken or the environment does not exist: what the page is drawn
/// from, and the exit code.</summary>
public sealed class ReportCommandTests : IAsyncLifetime
{
    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task Broken_manifests_draw_the_newest_revision_and_say_so()
    {
        Assert.Equal(0, (await _shop.Decl("apply", "shop", "--auto-approve")).ExitCode);
        _shop.Dir.Write("shop/manifests/web.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: {{values.missing}}\n");

        var report = await _shop.Decl("report", "shop", "-o", "report.html");

        Assert.True(report.ExitCode == 0, report.All);
        Assert.Contains("DCL111", report.Stderr, StringComparison.Ordinal);
        var data = DataOf(await File.ReadAllTextAsync(_shop.Dir.PathOf("report.html")));
        Assert.Equal("revision", (string)data["graphSource"]!);
        Assert.Contains("the graph shows revision 1's objects and edges", (string)data["problems"]!["graph"]!, StringComparison.Ordinal);
        Assert.Null(data["plan"]);
        Assert.Equal(
            ["Deployment.apps/shop-dev/web", "Namespace/shop-dev", "Secret/shop-dev/db"],
            data["nodes"]!.AsArray().Select(n => (string)n!["address"]!));
        Assert.All(data["nodes"]!.AsArray(), n => Assert.Equal("deployed", (string)n!["state"]!));
        Assert.NotEmpty(data["edges"]!.AsArray());
        Assert.False((bool)data["drift"]!["drift"]!);
    }

    [Fact]
    public async Task An_environment_the_project_does_not_define_is_an_error_and_writes_nothing()
    {
        var report = await _shop.Decl("report", "shop", "--env", "prod", "-o", "report.html");

        Assert.Equal(1, report.ExitCode);
        Assert.True(report.Stderr.Contains("prod", StringComparison.Ordinal), report.All);
        Assert.False(File.Exists(_shop.Dir.PathOf("report.html")));
    }
}
