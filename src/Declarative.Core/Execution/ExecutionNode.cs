using System.Collections.Immutable;
using Declarative.Core.Planning;

namespace Declarative.Core.Execution;

/// <summary>One change of the plan as the executor schedules it: its position in the plan and the positions of the
/// changes that must finish first.</summary>
internal sealed record ExecutionNode(int Index, ResourceChange Change, ImmutableArray<int> Dependencies);
