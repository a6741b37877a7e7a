using System.Diagnostics;
using AgentLive.Processes;
using AgentLive.Sources;
using BenchmarkDotNet.Attributes;

namespace AgentLive.Benchmarks;

/// <summary>One scan of this machine's process table: the /proc scanner against <see cref="Process.GetProcesses()"/>.</summary>
[MemoryDiagnoser]
public class ProcessScanBenchmarks
{
    private readonly IProcessScanner _scanner = ProcessScanners.CreateDefault();

    [GlobalSetup]
    public void Setup() => Console.WriteLine($"// {Process.GetProcesses().Length} processes");

    [Benchmark(Baseline = true)]
    public int ProcessGetProcesses()
    {
        Process[] processes = Process.GetProcesses();
        int count = processes.Length;
        foreach (Process process in processes)
        {
            process.Dispose();
        }

        return count;
    }

    [Benchmark]
    public async Task<int> ProcScanner() => (await _scanner.ScanAsync(CancellationToken.None)).Count;
}
