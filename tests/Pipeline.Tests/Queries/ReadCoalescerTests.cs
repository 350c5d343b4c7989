using Pipeline.Queries;
using Xunit;

namespace Pipeline.Tests.Queries;

public sealed class ReadCoalescerTests
{
    /// <summary>A fake storage whose reads finish only when the test says so, returning the value current when they started.</summary>
    private sealed class Storage
    {
        public int Value;
        public int Reads;
        public readonly List<TaskCompletionSource> Pending = [];

        public async Task<int> ReadAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Reads);
            int seen = Value;
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (Pending)
            {
                Pending.Add(gate);
            }
            await gate.Task;
            return seen;
        }

        public int Started
        {
            get
            {
                lock (Pending)
                {
                    return Pending.Count;
                }
            }
        }

        public void Finish(int read)
        {
            lock (Pending)
            {
                Pending[read].SetResult();
            }
        }
    }

    [Fact]
    public async Task A_request_never_gets_a_read_that_started_before_it_arrived()
    {
        var coalescer = new ReadCoalescer();
        var storage = new Storage { Value = 1 };
        var early = coalescer.ReadAsync("k", storage.ReadAsync, CancellationToken.None);
        storage.Value = 2; // a write finishes while the first read is in flight
        var late = coalescer.ReadAsync("k", storage.ReadAsync, CancellationToken.None);
        var later = coalescer.ReadAsync("k", storage.ReadAsync, CancellationToken.None);

        storage.Finish(0);
        Assert.Equal(1, await early);
        await WaitUntil(() => storage.Started == 2);
        Assert.False(late.IsCompleted);
        storage.Finish(1);
        Assert.Equal(2, await late);
        Assert.Equal(2, await later);
        Assert.Equal(2, storage.Reads); // the two requests that came during the first read shared the second
    }

    [Fact]
    public async Task Different_keys_are_read_separately_and_a_key_is_read_again_once_idle()
    {
        var coalescer = new ReadCoalescer();
        int reads = 0;
        Task<string> Read(string key) => coalescer.ReadAsync(key, _ => Task.FromResult($"{key}{Interlocked.Increment(ref reads)}"), CancellationToken.None);

        Assert.StartsWith("a", await Read("a"));
        Assert.StartsWith("b", await Read("b"));
        Assert.StartsWith("a", await Read("a"));
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task A_failed_read_fails_its_requests_and_the_next_read_is_tried_afresh()
    {
        var coalescer = new ReadCoalescer();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            coalescer.ReadAsync<int>("k", _ => throw new InvalidOperationException("storage down"), CancellationToken.None));
        Assert.Equal(7, await coalescer.ReadAsync("k", _ => Task.FromResult(7), CancellationToken.None));
    }

    [Fact]
    public async Task A_request_that_gives_up_does_not_cancel_the_read_others_share()
    {
        var coalescer = new ReadCoalescer();
        var storage = new Storage { Value = 5 };
        var first = coalescer.ReadAsync("k", storage.ReadAsync, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var impatient = coalescer.ReadAsync("k", storage.ReadAsync, cancel.Token);
        var patient = coalescer.ReadAsync("k", storage.ReadAsync, CancellationToken.None);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);

        storage.Finish(0);
        Assert.Equal(5, await first);
        await WaitUntil(() => storage.Started == 2);
        storage.Finish(1);
        Assert.Equal(5, await patient);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }
}
