namespace Declarative.Core.Diagnostics;

public enum Severity
{
    Error,
    Warning,
}
