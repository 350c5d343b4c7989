using Pipeline.Entities.Tagging;

namespace Pipeline.Tests.Entities.Tagging;

public sealed class CountTableTests
{
    [Fact]
    public void Counts_survive_growth_and_a_reset_leaves_none_behind()
    {
        var table = new CountTable();
        table.Reset(10);
        for (ulong key = 0; key < 5_000; key++) // grows past the initial 1,024 slots several times
        {
            table.Add(key * 0x9E3779B97F4A7C15UL, (int)(key % CountTable.Columns));
            table.Add(key * 0x9E3779B97F4A7C15UL, (int)(key % CountTable.Columns));
        }
        for (ulong key = 0; key < 5_000; key++)
        {
            var counts = table.Get(key * 0x9E3779B97F4A7C15UL);
            Assert.Equal(2, counts[(int)(key % CountTable.Columns)]);
            Assert.Equal(2, Sum(counts));
        }

        table.Reset(5_000); // same size: only the filled slots are cleared
        for (ulong key = 0; key < 5_000; key++)
        {
            Assert.True(table.Get(key * 0x9E3779B97F4A7C15UL).IsEmpty);
        }
        table.Add(42, 1);
        Assert.Equal(1, table.Get(42)[1]);

        table.Reset(10); // much smaller: a fresh small table
        Assert.True(table.Get(42).IsEmpty);
        table.Add(0, 0); // key 0 is stored as 1, not as an empty slot
        Assert.Equal(1, table.Get(0)[0]);
    }

    private static int Sum(ReadOnlySpan<int> counts)
    {
        int sum = 0;
        foreach (int c in counts)
        {
            sum += c;
        }
        return sum;
    }
}
