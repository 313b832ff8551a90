using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Xunit;

namespace Declarative.Testing;

/// <summary>
/// A throwaway PostgreSQL server for the PostgreSQL store's tests (issue 13): <c>initdb</c> in a temp folder, then
/// <c>postgres</c> on a free loopback port only (password auth, so connection strings carry a password as in real use;
/// no unix socket, whose path could outgrow its limit in a long TMPDIR); stopped by its pid and the folder deleted on
/// dispose. Debian's binaries are looked up in
/// /usr/lib/postgresql/&lt;version&gt;/bin, newest first (DECLARATIVE_TEST_PG_BIN names another folder); scripts/test.sh
/// installs them when missing. PostgreSQL refuses to run as root, so as root the server runs as the
/// <c>postgres</c> user (Debian's package creates it; else <c>nobody</c>), owning the folder.
/// Share one per test assembly (an xunit collection fixture) and give each test class its own database
/// (<see cref="DatabaseAsync"/>).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string BinariesVariable = "DECLARATIVE_TEST_PG_BIN";

    private const string Superuser = "declarative_test";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> databases = [];
    private readonly string password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
    private Process? server;

    /// <summary>The folder holding the data directory and the server's log.</summary>
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "decl-pg-" + Guid.NewGuid().ToString("N")[..10]);

    public int Port { get; private set; }

    /// <summary>The superuser's password: tests check it never shows in an error.</summary>
    public string Password => password;

    /// <summary>A superuser connection string to the <c>postgres</c> database, over TCP with a password.</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public int ProcessId => server?.Id ?? 0;

    private string DataDirectory => Path.Combine(Folder, "data");

    private string LogPath => Path.Combine(Folder, "server.log");

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Password = password,
        Database = database,
        Timeout = 10,
    }.ConnectionString;

    /// <summary>A connection string to a fresh database for <paramref name="owner"/> (a test class), created on first
    /// use; every later call with the same owner gets the same database.</summary>
    public Task<string> DatabaseAsync(string owner) =>
        databases.GetOrAdd(owner, name => new Lazy<Task<string>>(() => CreateDatabaseAsync(name))).Value;

    public async Task InitializeAsync()
    {
        var binaries = FindBinaries();
        Directory.CreateDirectory(Folder);
        var runAs = Environment.IsPrivilegedProcess ? UnprivilegedUser() : null;
        var passwordFile = Path.Combine(Folder, "password");
        await File.WriteAllTextAsync(passwordFile, password + "\n");
        if (runAs is not null)
        {
            await RunAsync("chown", ["-R", runAs, Folder], null);
        }

        await RunAsync(
            Path.Combine(binaries, "initdb"),
            ["-D", DataDirectory, "-U", Superuser, $"--pwfile={passwordFile}", "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync"],
            runAs);
        File.Delete(passwordFile);

        // A free port is only free until someone takes it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            server = Start(binaries, runAs);
            if (await ReadyAsync())
            {
                return;
            }

            await StopServerAsync();
            var log = File.Exists(LogPath) ? await File.ReadAllTextAsync(LogPath) : "(no log)";
            if (attempt == 3 || !log.Contains("could not bind", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The test PostgreSQL server ({binaries}/postgres, data in {DataDirectory}) did not start. Its log:\n{log}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await StopServerAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A server that would not stop keeps files open; the folder is in the temp folder.
        }
    }

    /// <summary>The folder of Debian's PostgreSQL binaries, newest version first.</summary>
    public static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable(BinariesVariable) is { Length: > 0 } chosen)
        {
            return File.Exists(Path.Combine(chosen, "postgres"))
                ? chosen
                : throw new InvalidOperationException($"{BinariesVariable}={chosen} has no postgres binary. Point it at the folder holding initdb and postgres.");
        }

        const string root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Folder: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(c => File.Exists(Path.Combine(c.Folder, "initdb")) && File.Exists(Path.Combine(c.Folder, "postgres")))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Folder)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries in {root}/<version>/bin: the PostgreSQL store's tests start a real server. " +
            $"Install Debian's postgresql package (scripts/test.sh does: apt-get install postgresql), or set {BinariesVariable} to a folder holding initdb and postgres.");
    }

    private async Task<string> CreateDatabaseAsync(string owner)
    {
        var name = "t_" + new string([.. owner.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        name = name[..Math.Min(name.Length, 50)] + "_" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private Process Start(string binaries, string? runAs)
    {
        // Through sh so that the server's output goes to a file; exec keeps one pid, the postmaster's, to stop it by.
        var postgres = string.Join(' ', new[]
        {
            Path.Combine(binaries, "postgres"), "-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
            "-c", "fsync=off", "-c", "full_page_writes=off", "-c", "max_connections=200",
        }.Select(Quote));
        var command = runAs is null ? $"exec {postgres}" : $"exec {SetPriv(runAs)} {postgres}";
        var start = new ProcessStartInfo("sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{command} >{Quote(LogPath)} 2>&1");
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start sh to run postgres.");
    }

    private async Task<bool> ReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (server is null || server.HasExited)
            {
                return false;
            }

            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                return true;
            }
            catch (NpgsqlException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }

    /// <summary>A fast shutdown (SIGINT: sessions are ended, nothing waits), by the pid this fixture started; a server
    /// still running after 10 seconds is killed.</summary>
    private async Task StopServerAsync()
    {
        if (server is null)
        {
            return;
        }

        using var stopping = server;
        server = null;
        if (!stopping.HasExited)
        {
            await RunAsync("kill", ["-INT", stopping.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], null, check: false);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await stopping.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                stopping.Kill();
                await stopping.WaitForExitAsync();
            }
        }
    }

    /// <summary>"uid:gid" of the user to run PostgreSQL as.</summary>
    private static string UnprivilegedUser()
    {
        foreach (var user in new[] { "postgres", "nobody" })
        {
            // name:password:uid:gid:...
            var entry = File.ReadLines("/etc/passwd").Select(line => line.Split(':')).FirstOrDefault(fields => fields.Length > 3 && fields[0] == user);
            if (entry is not null)
            {
                return $"{entry[2]}:{entry[3]}";
            }
        }

        throw new InvalidOperationException("PostgreSQL refuses to run as root, and neither the user postgres nor nobody exists to run it as. Create one (useradd postgres).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, string? runAs, bool check = true)
    {
        var start = new ProcessStartInfo(runAs is null ? program : "setpriv")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (runAs is not null)
        {
            foreach (var argument in SetPriv(runAs).Split(' ').Skip(1).Append(program))
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            var text = new StringBuilder().Append(await output).Append(await error).ToString();
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{text}");
        }
    }

    /// <summary>"setpriv --reuid=UID --regid=GID --init-groups": run the next command as <paramref name="user"/>
    /// ("uid:gid").</summary>
    private static string SetPriv(string user)
    {
        var (uid, gid) = (user.Split(':')[0], user.Split(':')[1]);
        return $"setpriv --reuid={uid} --regid={gid} --init-groups";
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
