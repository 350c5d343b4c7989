using Azure.Data.Tables;
using Pipeline.Entities;
using Pipeline.Entities.Identity;
using Pipeline.Results;
using Pipeline.Storage;
using Pipeline.Storage.Rows;
using Pipeline.Text;

namespace Pipeline.Queries;

/// <summary>
/// What the corpus knows of an identity asked for: the identities listed in its group (one partition of
/// <c>entitynames</c>, kept in <see cref="PageCache"/> at the version of the group's marker row, which every change to
/// the group's names rewrites) linked by <see cref="IdentityLinks"/>. Decided at query time, so an article that says only
/// "Biden" is found under Joe Biden as soon as an article names him, whichever was uploaded first, and stops being so if
/// a second Biden appears.
/// </summary>
public sealed class IdentityLookup(PipelineTables tables, PageCache pages, ReadCoalescer reads)
{
    public async Task<LinkedIdentity> LinkAsync(EntityIdentity identity, CancellationToken cancellationToken)
    {
        if (identity.Group is null)
        {
            return IdentityLinks.Link(identity, []);
        }
        string partition = SafeKey.Encode(identity.Group);
        string table = tables.EntityNames.Name;
        var version = await reads.ReadAsync(table + "|" + partition,
            ct => PartitionMarkers.VersionAsync(tables.EntityNames, partition, IndexKeys.NamesVersionRowKey(partition), ct), cancellationToken);
        var members = await pages.GetOrReadAsync(table, partition, version, null, 0, () => reads.ReadAsync(table + "|" + partition + "|" + version, async ct =>
        {
            var found = new List<GroupMember>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {IndexKeys.NamesRowsEnd}");
            await foreach (var row in tables.EntityNames.QueryAsync<EntityNameRow>(filter, cancellationToken: ct))
            {
                if (Enum.TryParse<IdentityKind>(row.Kind, out var kind))
                {
                    found.Add(new GroupMember(row.Key, row.Name, kind, row.Given));
                }
            }
            return found;
        }, cancellationToken), found => found.Count);
        return IdentityLinks.Link(identity, members);
    }

    /// <summary>The identity as the API shows it: its key and name, and every variant it stands for.</summary>
    public static IdentityDto ToDto(LinkedIdentity linked, EntityType type) =>
        new(linked.Key, linked.Name, RowMapping.TypeName(type), linked.Variants.Select(v => new VariantDto(v.Key, v.Name)).ToList());
}
