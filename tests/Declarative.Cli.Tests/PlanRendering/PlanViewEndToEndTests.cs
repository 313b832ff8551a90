using System.Text;
using Declarative.Testing;

namespace Declarative.Cli.Tests.PlanRendering;

/// <summary>The plan views through <c>decl</c> against the API double: a one-line change in a ConfigMap's config file
/// is a line diff, a large create folds unless <c>--full</c>, the markdown plan keeps to <c>--max-size</c> and names
/// the saved plan, and every command that prints a plan takes <c>--full</c>.</summary>
public sealed class PlanViewEndToEndTests : IAsyncLifetime
{
    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync(new Dictionary<string, string>
    {
        ["shop/manifests/gateway.yaml"] = Gateway("[120s]"),
    });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task A_config_file_change_is_a_line_diff_and_a_large_create_folds_unless_full()
    {
        var apply = await _shop.Decl("apply", "shop", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains("      # (folded: --full shows all 8 fields, 89 lines)\n", apply.Stdout, StringComparison.Ordinal);
        Assert.Contains("      + data[\"config.yaml\"]: (81 lines)\n", apply.Stdout, StringComparison.Ordinal);
        File.WriteAllText(_shop.Dir.PathOf("shop/manifests/gateway.yaml"), Gateway("[180s]"));

        var plan = await _shop.Decl("plan", "shop");
        var full = await _shop.Decl("plan", "shop", "--full");

        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Contains("          -   retry: [120s]\n          +   retry: [180s]\n", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("            ... 31 unchanged lines ...\n", plan.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\\n", plan.Stdout, StringComparison.Ordinal);
        Assert.True(full.ExitCode == 0, full.All);
        Assert.DoesNotContain("unchanged lines", full.Stdout, StringComparison.Ordinal);
        Assert.Contains("            # Gateway configuration\n", full.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_keeps_to_max_size_and_points_to_the_saved_plan()
    {
        Assert.Equal(0, (await _shop.Decl("apply", "shop", "--auto-approve", "--full")).ExitCode);
        File.WriteAllText(_shop.Dir.PathOf("shop/manifests/gateway.yaml"), Gateway("[180s]"));

        var markdown = await _shop.Decl("plan", "shop", "-o", "markdown", "--max-size", "600", "--out", "plan.out");
        var roomy = await _shop.Decl("plan", "shop", "-o", "markdown");

        Assert.True(markdown.ExitCode == 0, markdown.All);
        Assert.InRange(markdown.Stdout.Length, 1, 600);
        Assert.Contains("**1 of 1 resources are not shown** to keep this comment within 600 characters. The full plan is the saved plan `plan.out`.", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("- `~ update ConfigMap/shop-dev/gateway`", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("-     retry: [120s]\n+     retry: [180s]\n", roomy.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_and_destroy_take_full()
    {
        Assert.Equal(0, (await _shop.Decl("apply", "shop", "--auto-approve")).ExitCode);
        File.WriteAllText(_shop.Dir.PathOf("shop/manifests/gateway.yaml"), Gateway("[180s]"));
        Assert.Equal(0, (await _shop.Decl("apply", "shop", "--auto-approve")).ExitCode);

        var rollback = await _shop.Decl("rollback", "shop", "--auto-approve", "--full");
        var destroy = await _shop.Decl("destroy", "shop", "--auto-approve", "--full");

        Assert.True(rollback.ExitCode == 0, rollback.All);
        Assert.Contains("          -   retry: [180s]\n          +   retry: [120s]\n", rollback.Stdout, StringComparison.Ordinal);
        Assert.Contains("              healthCheck: /healthz\n", rollback.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("unchanged lines", rollback.Stdout, StringComparison.Ordinal);
        Assert.True(destroy.ExitCode == 0, destroy.All);
        Assert.Contains("- delete ConfigMap/shop-dev/gateway", destroy.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("lots")]
    public async Task A_bad_max_size_is_refused_with_what_to_give(string size)
    {
        using var dir = new TempDirectory(new Dictionary<string, string>());

        var result = await CliRunner.RunAsync(dir.Root, "plan", "--max-size", size);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"--max-size: \"{size}\" is not a number of characters; give a whole number above 0, such as 60000.", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A ConfigMap whose config.yaml has 16 upstreams of five lines (81 lines).</summary>
    private static string Gateway(string retryOfSeventh)
    {
        var text = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gateway\ndata:\n  config.yaml: |\n    # Gateway configuration\n");
        for (var i = 1; i <= 16; i++)
        {
            text.Append("    - name: svc-").Append(i).Append("\n      url: http://svc-").Append(i).Append(":8080\n      timeouts: [30s, 60s]\n")
                .Append("      retry: ").Append(i == 7 ? retryOfSeventh : "[120s]").Append("\n      healthCheck: /healthz\n");
        }

        return text.ToString();
    }
}
