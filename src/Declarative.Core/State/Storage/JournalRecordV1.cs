namespace Declarative.Core.State.Storage;

/// <summary>
/// One line of a revision's journal, format version 1 (docs/state.md): exactly one of <see cref="Applied"/> (the
/// inventory entry as a revision file holds it, secret values sealed) and <see cref="Deleted"/> (the address that
/// left the inventory).
/// </summary>
internal sealed record JournalRecordV1
{
    public const int Version = 1;

    public required int FormatVersion { get; init; }

    public InventoryEntryV1? Applied { get; init; }

    public AddressV1? Deleted { get; init; }
}
