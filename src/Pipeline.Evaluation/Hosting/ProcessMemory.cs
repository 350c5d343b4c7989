namespace Pipeline.Evaluation.Hosting;

/// <summary>Peak resident set size of a process, from Linux's /proc (the high-water mark, VmHWM).</summary>
public static class ProcessMemory
{
    public static long PeakResidentBytes(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[1]) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }

    public static long PeakResidentBytes() => PeakResidentBytes(Environment.ProcessId);
}
