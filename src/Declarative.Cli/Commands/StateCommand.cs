using System.CommandLine;
using Declarative.Cli.Rendering;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Cli.Commands;

/// <summary><c>decl state list|show|unlock|migrate [DIR] --env E</c>: what the store says the environment owns, the
/// removal of a stale lock record, and the copy of the history to another store. All read the store only, never the
/// manifests.</summary>
public static class StateCommand
{
    public static Command Create(CliServices services)
    {
        var command = new Command("state", "Inspect the environment's state.");
        command.Subcommands.Add(List(services));
        command.Subcommands.Add(Show(services));
        command.Subcommands.Add(StateUnlockCommand.Create(services));
        command.Subcommands.Add(StateMigrateCommand.Create(services));
        return command;
    }

    private static Command List(CliServices services)
    {
        var directory = CommonOptions.DirectoryArgument();
        var list = new Command("list", "List the objects the newest revision owns.") { directory };
        list.SetAction(async (result, cancellationToken) =>
        {
            using var opened = await StateReader.OpenAsync(services, result, result.GetValue(directory)!, cancellationToken);
            if (opened is null)
            {
                return ExitCodes.Error;
            }

            var latest = await opened.Store.GetLatestAsync(cancellationToken);
            foreach (var entry in (latest?.Inventory ?? []).OrderBy(e => e.Address))
            {
                services.IO.Out.WriteLine(entry.Address.ToString());
            }

            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Show(CliServices services)
    {
        var directory = CommonOptions.DirectoryArgument();
        var number = new Option<int?>("--revision") { Description = "The revision to show (default: the newest)." };
        var show = new Command("show", "Show a revision: metadata and every owned object as applied, secrets masked.") { directory, number };
        show.SetAction(async (result, cancellationToken) =>
        {
            using var opened = await StateReader.OpenAsync(services, result, result.GetValue(directory)!, cancellationToken);
            if (opened is null)
            {
                return ExitCodes.Error;
            }

            var store = opened.Store;
            var revision = result.GetValue(number) is { } n ? await store.GetAsync(n, cancellationToken) : await store.GetLatestAsync(cancellationToken);
            if (revision is null)
            {
                services.IO.Error.WriteLine("error: DCL502 No such revision");
                services.IO.Error.WriteLine("    Run decl history to list the revisions.");
                return ExitCodes.Error;
            }

            services.IO.Out.Write(HistoryRenderer.Text([revision]));
            services.IO.Out.WriteLine();
            services.IO.Out.Write(YamlWriter.Write(revision.Inventory.OrderBy(e => e.Address).Select(e => SensitiveValues.Apply(e.Applied.Object, e.SensitivePaths))));
            return ExitCodes.Ok;
        });
        return show;
    }
}
