namespace Declarative.Core.State;

/// <summary>Another apply, destroy or rollback holds the environment's lock.</summary>
public sealed class StateLockedException : Exception
{
    public StateLockedException(LockRecord holder, string environment)
        : base($"Environment \"{environment}\" is locked by {holder.Describe()}.")
    {
        Holder = holder;
    }

    public StateLockedException()
    {
    }

    public StateLockedException(string message)
        : base(message)
    {
    }

    public StateLockedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LockRecord? Holder { get; }
}
