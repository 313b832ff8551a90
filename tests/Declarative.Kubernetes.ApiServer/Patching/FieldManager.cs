using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Patching;

/// <summary>
/// Server-side apply and managedFields (reference section 5): who owns which field, merging an apply into the
/// live object, conflicts, force, and removal of fields a manager stops applying. Stateless and thread-safe:
/// ownership lives in each object's metadata.managedFields.
/// </summary>
public sealed class FieldManager
{
    /// <summary>The object after the apply, with metadata.managedFields updated. Throws
    /// <see cref="ApplyConflictException"/> when not forced and other managers own differing fields.</summary>
    public JsonObject Apply(ApplyRequest request) => throw new NotImplementedException();

    /// <summary>The updated object with an Update entry for <see cref="UpdateRequest.Manager"/> covering the fields it
    /// changed, taken from other managers (never a conflict).</summary>
    public JsonObject RecordUpdate(UpdateRequest request) => (JsonObject)request.Updated.DeepClone();
}
