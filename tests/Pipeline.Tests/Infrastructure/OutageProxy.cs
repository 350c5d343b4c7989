using Pipeline.Evaluation.Hosting;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Pipeline.Tests.Infrastructure;

/// <summary>
/// A TCP proxy in front of one storage service, which a test can cut and restore: while cut, connections are
/// refused and open ones dropped, as in a network or service outage, and nothing stored is lost (stopping Azurite
/// itself would drop its last few seconds of writes, because it saves to disk only every few seconds).
/// </summary>
public sealed class OutageProxy : IAsyncDisposable
{
    private readonly int targetPort;
    private readonly ConcurrentDictionary<TcpClient, byte> connections = new();
    private TcpListener? listener;
    private CancellationTokenSource? accepting;

    public OutageProxy(int targetPort)
    {
        this.targetPort = targetPort;
        Port = AzuriteServer.FreePort();
        Restore();
    }

    public int Port { get; }

    /// <summary>Refuses new connections and drops open ones.</summary>
    public void Cut()
    {
        accepting?.Cancel();
        listener?.Stop();
        listener = null;
        foreach (var connection in connections.Keys)
        {
            connection.Close();
        }
        connections.Clear();
    }

    public void Restore()
    {
        if (listener is not null)
        {
            return;
        }
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        accepting = new CancellationTokenSource();
        _ = AcceptAsync(listener, accepting.Token);
    }

    private async Task AcceptAsync(TcpListener server, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await server.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        connections[client] = 0;
        connections[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, targetPort);
            var a = client.GetStream();
            var b = upstream.GetStream();
            await Task.WhenAny(a.CopyToAsync(b), b.CopyToAsync(a));
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // A cut connection.
        }
        finally
        {
            connections.TryRemove(client, out _);
            connections.TryRemove(upstream, out _);
            client.Close();
            upstream.Close();
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
