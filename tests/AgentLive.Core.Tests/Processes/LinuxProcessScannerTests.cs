using System.Diagnostics;
using AgentLive.Processes;
using AgentLive.Sources;
using AgentLive.Tests.Infrastructure;

namespace AgentLive.Tests.Processes;

public sealed class LinuxProcessScannerTests
{
    [LinuxFact]
    public async Task The_scan_sees_this_process_with_its_command_line_directory_and_start_time()
    {
        var scanner = new LinuxProcessScanner();

        IReadOnlyList<ProcessInfo> all = await scanner.ScanAsync(CancellationToken.None);

        ProcessInfo self = Assert.Single(all, p => p.Pid == Environment.ProcessId);
        Assert.NotEmpty(self.CommandLine);
        Assert.Equal(Directory.GetCurrentDirectory(), self.WorkingDirectory);
        using var process = Process.GetCurrentProcess();
        Assert.InRange((self.StartTime!.Value - process.StartTime.ToUniversalTime()).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal(self.StartTicks, scanner.Find(Environment.ProcessId)!.StartTicks);
        Assert.Null(scanner.Find(int.MaxValue));
    }

    [LinuxFact]
    public void Open_files_of_a_process_are_listed()
    {
        using var temp = new TempDirectory();
        string path = temp.File("held.jsonl");
        using FileStream held = File.Create(path);

        Assert.Contains(path, new LinuxProcessScanner().OpenFiles(Environment.ProcessId));
    }
}
