using Pipeline.Entities;
using Pipeline.Queries;
using Pipeline.Storage.Rows;

namespace Pipeline.Tests.Queries;

/// <summary>
/// The values the API, its OpenAPI description, the command line's help and the 400 messages list for <c>status</c>
/// and an entity <c>type</c> come from one place each, and are exactly what the parameters accept.
/// </summary>
public sealed class QueryValuesTests
{
    private static string[] Values(string list) => list.Split(", ");

    [Fact]
    public void The_listed_statuses_are_the_ones_a_query_accepts()
    {
        var listed = Values(QueryParameters.Statuses);
        Assert.All(listed, status => Assert.True(ArticleStatus.IsKnown(status), status));
        Assert.Contains(ArticleStatus.Deleting, listed);
        Assert.Equal(5, listed.Distinct().Count());
        Assert.False(ArticleStatus.IsKnown("done"));
    }

    [Fact]
    public void The_listed_entity_types_are_every_type_and_each_is_accepted()
    {
        var listed = Values(QueryParameters.EntityTypes);
        Assert.Equal(Enum.GetNames<EntityType>().Order(), listed.Order());
        foreach (var name in listed)
        {
            Assert.True(EntityKey.TryParseType(name, out var type), name);
            Assert.Equal(name, type.ToString());
        }
    }
}
