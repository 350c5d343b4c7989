using Pipeline.Entities;
using Pipeline.Storage;
using Pipeline.Text;

namespace Pipeline.Tests.Storage;

public sealed class IndexKeysTests
{
    [Theory]
    [InlineData("Joe Biden")]
    [InlineData("~version")]
    [InlineData("~~~ ~7E")]
    [InlineData("Zoë Ørsted-Ångström")]
    [InlineData("北京")]
    [InlineData("🙂")]
    [InlineData("")]
    [InlineData("\u0000\uFFFF")]
    public void Name_rows_of_a_group_sort_before_its_marker(string name)
    {
        foreach (var type in new[] { EntityType.Person, EntityType.Organization, EntityType.Location, EntityType.Misc })
        {
            string row = SafeKey.Encode(EntityKey.Create(type, name));
            Assert.True(string.CompareOrdinal(row, IndexKeys.NamesRowsEnd) < 0, row);
        }
        string group = SafeKey.Encode("person|" + EntityKey.Slug(name));
        Assert.True(string.CompareOrdinal(IndexKeys.NamesVersionRowKey(group), IndexKeys.NamesRowsEnd) > 0);
    }

    [Fact]
    public void Each_group_has_its_own_marker()
    {
        Assert.NotEqual(IndexKeys.NamesVersionRowKey(SafeKey.Encode("person|biden")), IndexKeys.NamesVersionRowKey(SafeKey.Encode("person|bidens")));
    }
}
