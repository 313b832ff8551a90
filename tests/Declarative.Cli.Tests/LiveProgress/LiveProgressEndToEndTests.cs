using System.Text.RegularExpressions;

namespace Declarative.Cli.Tests.LiveProgress;

/// <summary>apply, rollback and destroy against the API double as on a terminal: the live view, its colour, and
/// --no-progress.</summary>
public sealed partial class LiveProgressEndToEndTests
{
    [Fact]
    public async Task Apply_rollback_and_destroy_on_a_terminal_draw_the_live_view_and_end_with_the_same_summary()
    {
        await using var shop = await ShopCluster.StartAsync();

        var apply = await Decl(shop, "apply", "shop", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.All);
        var frames = TerminalRunner.Frames(apply.Stdout);
        Assert.Matches(FinalHeader("Applying"), frames);
        Assert.Matches(@"\n  done +[0-9]+s  Deployment\.apps/shop-dev/web  Ready *\n", frames);
        Assert.Contains("\nApply complete: 3 applied, 0 deleted, 0 failed, 0 skipped. Revision 1 deployed.\n", frames, StringComparison.Ordinal);
        Assert.DoesNotMatch(PlainLine(), frames);
        Assert.Contains("\u001b[", apply.Stdout, StringComparison.Ordinal);

        Assert.Equal(0, (await Decl(shop, "apply", "shop", "--set", "replicas=3", "--auto-approve")).ExitCode);
        var rollback = await Decl(shop, "rollback", "shop", "--auto-approve");
        Assert.True(rollback.ExitCode == 0, rollback.All);
        Assert.Matches(FinalHeader("Rolling back"), TerminalRunner.Frames(rollback.Stdout));
        Assert.Contains("\nRollback complete: 1 applied, 0 deleted, 0 failed, 0 skipped. Revision 3 deployed.\n", TerminalRunner.Frames(rollback.Stdout), StringComparison.Ordinal);

        var destroy = await Decl(shop, "destroy", "shop", "--auto-approve", "--no-color");
        Assert.True(destroy.ExitCode == 0, destroy.All);
        Assert.Matches(FinalHeader("Destroying"), TerminalRunner.Frames(destroy.Stdout));
        Assert.Contains("\nDestroy complete: 0 applied, 3 deleted, 0 failed, 0 skipped. Revision 4 destroyed.\n", TerminalRunner.Frames(destroy.Stdout), StringComparison.Ordinal);
        Assert.DoesNotMatch(TerminalRunner.Style(), destroy.Stdout);
    }

    [Fact]
    public async Task With_NO_COLOR_the_live_view_is_drawn_without_colour()
    {
        await using var shop = await ShopCluster.StartAsync();

        var apply = await TerminalRunner.RunAsync(shop.Dir.Root, new Dictionary<string, string>(shop.Environment) { ["NO_COLOR"] = "1" }, "apply", "shop", "--auto-approve", "--kubeconfig", "kubeconfig");

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Matches(FinalHeader("Applying"), TerminalRunner.Frames(apply.Stdout));
        Assert.DoesNotMatch(TerminalRunner.Style(), apply.Stdout);
    }

    [Fact]
    public async Task With_no_progress_a_terminal_gets_the_same_lines_as_a_redirected_stdout()
    {
        await using var onTerminal = await ShopCluster.StartAsync();
        await using var redirected = await ShopCluster.StartAsync();
        var noColor = new Dictionary<string, string>(onTerminal.Environment) { ["NO_COLOR"] = "1" };

        var terminal = await TerminalRunner.RunAsync(onTerminal.Dir.Root, noColor, "apply", "shop", "--auto-approve", "--no-progress", "--kubeconfig", "kubeconfig");
        var plain = await redirected.Decl("apply", "shop", "--auto-approve");

        Assert.True(terminal.ExitCode == 0, terminal.All);
        Assert.Equal(0, plain.ExitCode);
        Assert.Matches(PlainLine(), terminal.Stdout);
        Assert.DoesNotContain("\u001b", terminal.Stdout, StringComparison.Ordinal);
        // Resources applied in parallel report in either order, at other seconds, and a rollout is observed a number of
        // times that depends on timing: the same lines, sorted, less the waiting ones, which only have to be plain lines.
        Assert.Equal(Normalized(plain.Stdout), Normalized(terminal.Stdout));
        Assert.All(terminal.Stdout.Split('\n').Where(l => l.Contains(": waiting: ", StringComparison.Ordinal)), l => Assert.Matches(PlainLine(), l));
    }

    private static Task<CliResult> Decl(ShopCluster shop, params string[] args) =>
        TerminalRunner.RunAsync(shop.Dir.Root, shop.Environment, [.. args, "--kubeconfig", "kubeconfig"]);

    private static Regex FinalHeader(string verb) => new($"{verb}: [1-9][0-9]* done, 0 failed, 0 skipped, 0 in progress, 0 pending \\([0-9]+s\\)");

    private static List<string> Normalized(string stdout) =>
        [.. stdout.ReplaceLineEndings("\n").Split('\n').Where(l => !l.Contains(": waiting: ", StringComparison.Ordinal)).Select(l => Clock().Replace(l, "HH:MM:SS ")).Order(StringComparer.Ordinal)];

    /// <summary>"12:00:01 Deployment.apps/shop-dev/web: Creating": a plain progress line.</summary>
    [GeneratedRegex(@"(?m)^[0-9]{2}:[0-9]{2}:[0-9]{2} [A-Za-z.]+/\S+: ")]
    private static partial Regex PlainLine();

    [GeneratedRegex("^[0-9]{2}:[0-9]{2}:[0-9]{2} ")]
    private static partial Regex Clock();
}
