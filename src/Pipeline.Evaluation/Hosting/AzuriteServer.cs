using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pipeline.Evaluation.Hosting;

/// <summary>
/// A real Azurite from the project's pinned npm package, on free ports, stopped by PID. In-memory by default; with
/// <c>persistent</c> its data survives a restart; with <c>separateServices</c> blob, queue and table run as three
/// processes so one can be stopped alone; with <c>traceGc</c> node logs each garbage collection to <see cref="Output"/>.
/// If it cannot start, the tests that need it fail (never skip).
/// </summary>
public sealed class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's published development account key: the one key the repository may hold.</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly bool persistent;
    private readonly bool separateServices;
    private readonly bool traceGc;
    private readonly string location = Path.Combine(Path.GetTempPath(), "pipeline-azurite-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Dictionary<string, Process> processes = new();
    private readonly StringBuilder output = new();

    public AzuriteServer(bool persistent = false, bool separateServices = false, bool traceGc = false)
    {
        this.persistent = persistent;
        this.separateServices = separateServices;
        this.traceGc = traceGc;
        (BlobPort, QueuePort, TablePort) = (FreePort(), FreePort(), FreePort());
    }

    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    /// <summary>A connection string for the development account on other ports (a proxy in front of this server).</summary>
    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + DevelopmentAccountKey + ";" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    public async Task StartAsync()
    {
        if (separateServices)
        {
            await StartServiceAsync("blob");
            await StartServiceAsync("queue");
            await StartServiceAsync("table");
        }
        else
        {
            await StartServiceAsync("all");
        }
    }

    /// <summary>Starts one service ("blob", "queue", "table") of a separate-services server, or "all".</summary>
    public async Task StartServiceAsync(string service)
    {
        var script = Path.Combine(RepositoryPaths.Root, "node_modules", "azurite", "dist", "src",
            service == "all" ? "azurite.js" : Path.Combine(service, "main.js"));
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({script} is missing). Run 'npm ci' in {RepositoryPaths.Root}; the README's test command does it for you.");
        }
        Directory.CreateDirectory(location);
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = location,
        };
        if (traceGc)
        {
            start.ArgumentList.Add("--trace-gc");
        }
        start.ArgumentList.Add(script);
        foreach (var argument in new[] { "--silent", "--skipApiVersionCheck", "--disableTelemetry" })
        {
            start.ArgumentList.Add(argument);
        }
        if (persistent)
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }
        else
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        var ports = new List<int>();
        foreach (var (name, port) in new[] { ("blob", BlobPort), ("queue", QueuePort), ("table", TablePort) })
        {
            if (service == "all" || service == name)
            {
                start.ArgumentList.Add($"--{name}Host");
                start.ArgumentList.Add("127.0.0.1");
                start.ArgumentList.Add($"--{name}Port");
                start.ArgumentList.Add(port.ToString());
                ports.Add(port);
            }
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        process.OutputDataReceived += (_, e) => Remember(service, e.Data);
        process.ErrorDataReceived += (_, e) => Remember(service, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        processes[service] = process;

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!ports.TrueForAll(Listening))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite ({service}) exited at start with code {process.ExitCode}: {Output}");
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Azurite ({service}) did not listen within 30 s: {Output}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Stops one service ("blob", "queue", "table") or "all". A persistent server is stopped gracefully (SIGTERM)
    /// so that it saves its data, as a storage outage keeps it; otherwise it is killed.
    /// </summary>
    public async Task StopServiceAsync(string service)
    {
        if (!processes.Remove(service, out var process))
        {
            return;
        }
        if (persistent && !process.HasExited)
        {
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString()]);
            await term.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time: kill it below.
            }
        }
        await KillAsync(process);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes.Values)
        {
            await KillAsync(process);
        }
        processes.Clear();
        try
        {
            Directory.Delete(location, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }

    private static async Task KillAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    /// <summary>What the node processes wrote, each line with the time it arrived (UTC) and its service.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private void Remember(string service, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Append(DateTime.UtcNow.ToString("HH:mm:ss.fff ")).Append(service).Append(": ").AppendLine(line);
            }
        }
    }

    /// <summary>Ports this process has handed out: the system may offer a released port again before its taker binds it.</summary>
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A loopback port nothing listens on, never the same one twice in this process.</summary>
    public static int FreePort()
    {
        while (true)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
