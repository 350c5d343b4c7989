namespace Pipeline.Queries;

/// <summary>
/// Shares one storage read among the requests that want the same row at about the same time, without ever
/// handing a request a read that began before it arrived: while a read of a key is in flight, requests for that key
/// wait for the <em>next</em> read, which starts as soon as the current one ends and is shared by all of them. Every
/// answer is therefore at least as fresh as the moment its request came in (a write finished before the request is
/// always seen), and a popular article costs storage one read per round trip instead of one per request.
/// Reads run without the requests' cancellation (one request giving up must not fail the others who share it);
/// each request still stops waiting when its own token is cancelled.
/// </summary>
public sealed class ReadCoalescer
{
    private readonly Dictionary<string, Slot> slots = new(StringComparer.Ordinal);

    private sealed class Slot
    {
        /// <summary>The read that requests arriving now must not use, and what happens after it: the next read, if any request waits for one.</summary>
        public TaskCompletionSource<object?>? Next;
        public Func<CancellationToken, Task<object?>>? NextRead;
    }

    /// <summary>The value of <paramref name="read"/> for <paramref name="key"/>, from a read that started after this call.</summary>
    public async Task<T> ReadAsync<T>(string key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        TaskCompletionSource<object?> result;
        Func<CancellationToken, Task<object?>>? start = null;
        lock (slots)
        {
            if (slots.TryGetValue(key, out var slot))
            {
                slot.Next ??= new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
                slot.NextRead ??= async ct => await read(ct).ConfigureAwait(false);
                result = slot.Next;
            }
            else
            {
                slots[key] = new Slot();
                result = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
                start = async ct => await read(ct).ConfigureAwait(false);
            }
        }
        if (start is not null)
        {
            _ = RunAsync(key, result, start);
        }
        return (T)(await result.Task.WaitAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Runs one read for everyone waiting on <paramref name="result"/>, then the next one if requests came in meanwhile.</summary>
    private async Task RunAsync(string key, TaskCompletionSource<object?> result, Func<CancellationToken, Task<object?>> read)
    {
        while (true)
        {
            try
            {
                result.SetResult(await read(CancellationToken.None).ConfigureAwait(false));
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
            lock (slots)
            {
                var slot = slots[key];
                if (slot.Next is null)
                {
                    slots.Remove(key);
                    return;
                }
                (result, read) = (slot.Next, slot.NextRead!);
                slot.Next = null;
                slot.NextRead = null;
            }
        }
    }
}
