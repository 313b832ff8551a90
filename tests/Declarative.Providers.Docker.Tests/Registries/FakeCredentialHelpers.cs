using Declarative.Testing;

namespace Declarative.Providers.Docker.Tests.Registries;

/// <summary>
/// Shell scripts named docker-credential-* in a folder of their own, to be found through the runner's injected
/// search path (the process PATH is never changed). <c>fake</c> logs each server it is asked for and knows two
/// servers; <c>broken</c> fails; <c>slow</c> never answers in time.
/// </summary>
internal sealed class FakeCredentialHelpers : IDisposable
{
    public const string HelperSecret = "helper-secret-value";

    private readonly TempDirectory _temp = new();

    public FakeCredentialHelpers()
    {
        var log = _temp.PathOf("asked.log");
        Write("fake", $$"""
            #!/bin/sh
            [ "$1" = get ] || { echo "unexpected argument $1" >&2; exit 2; }
            read -r server
            echo "$server" >> '{{log}}'
            case "$server" in
              127.0.0.1:5001|https://index.docker.io/v1/) printf '{"ServerURL":"%s","Username":"helper-user","Secret":"{{HelperSecret}}"}' "$server" ;;
              tokens.example) printf '{"ServerURL":"%s","Username":"<token>","Secret":"identity-token-1"}' "$server" ;;
              *) echo "credentials not found in native keychain"; exit 1 ;;
            esac
            """);
        Write("broken", """
            #!/bin/sh
            echo "error getting credentials - err: exit status 1, out: keychain locked"
            exit 3
            """);
        Write("slow", """
            #!/bin/sh
            exec sleep 30
            """);
    }

    public string Folder => _temp.Root;

    /// <summary>The servers the fake helper was asked for, in order.</summary>
    public IReadOnlyList<string> Asked => File.Exists(_temp.PathOf("asked.log")) ? File.ReadAllLines(_temp.PathOf("asked.log")) : [];

    public void Dispose() => _temp.Dispose();

    private void Write(string name, string script)
    {
        var path = _temp.Write("docker-credential-" + name, script.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
