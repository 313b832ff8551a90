namespace Declarative.Core.Execution;

/// <summary>Where a node was when it failed or was cancelled, for the message.</summary>
internal enum NodeStep
{
    Applying,
    Recording,
    Waiting,
    Deleting,
    Releasing,
}
