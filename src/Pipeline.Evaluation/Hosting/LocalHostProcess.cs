using System.Diagnostics;
using System.Text;

namespace Pipeline.Evaluation.Hosting;

/// <summary>The local Functions host as its own process, as a user runs it: for two-host and crash tests.</summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private LocalHostProcess(Process process, int port)
    {
        this.process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public bool HasExited => process.HasExited;

    /// <summary>Peak resident memory of the host so far (VmHWM), in bytes; 0 where /proc is not available.</summary>
    public long PeakResidentBytes => ProcessMemory.PeakResidentBytes(process.Id);

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

    /// <summary>Starts a host on a free port against <paramref name="connectionString"/> and waits until it is healthy.</summary>
    public static async Task<LocalHostProcess> StartAsync(string connectionString, params string[] settings)
    {
        var dll = RepositoryPaths.LocalHostDll(RepositoryPaths.CurrentConfiguration);
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build the solution first.", dll);
        }
        int port = AzuriteServer.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in new[]
                 {
                     dll, "--settings", Path.Combine(Path.GetTempPath(), "no-local-settings.json"),
                     "--urls", $"http://127.0.0.1:{port}", "--AzureWebJobsStorage", connectionString,
                     "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }
        var host = new LocalHostProcess(Process.Start(start)!, port);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException("The local host exited at start: " + host.Output);
            }
            try
            {
                if ((await http.GetAsync("/api/health")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        await host.DisposeAsync();
        throw new InvalidOperationException("The local host did not become healthy within 60 s: " + host.Output);
    }

    /// <summary>Kills the host at once, like <c>kill -9</c>: no shutdown, no lease release.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Remember(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                // Each line with the time it arrived (UTC), so a diagnostics log lines up with the bench's own timings.
                output.Append(DateTime.UtcNow.ToString("HH:mm:ss.fff ")).AppendLine(line);
            }
        }
    }
}
