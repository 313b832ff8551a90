namespace Declarative.Cli;

public static class ExitCodes
{
    public const int Ok = 0;
    public const int Error = 1;
    public const int Changes = 2;
}
