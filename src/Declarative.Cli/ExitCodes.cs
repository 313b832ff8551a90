namespace Declarative.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int Changes = 2;

    /// <summary>128 + SIGINT; Program reports a SIGTERM as 143.</summary>
    public const int Interrupted = 130;
}
