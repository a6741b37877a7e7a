namespace AgentLive.Sources;

/// <summary>Reads the machine's process table. Entries that cannot be read (permissions, exits mid-scan) are skipped.</summary>
public interface IProcessScanner
{
    /// <summary>Lists the processes running now.</summary>
    /// <param name="cancellationToken">Cancels the scan.</param>
    /// <returns>One entry per readable process.</returns>
    ValueTask<IReadOnlyList<ProcessInfo>> ScanAsync(CancellationToken cancellationToken);

    /// <summary>Reads one process again, or returns <see langword="null"/> when it is gone or unreadable.</summary>
    /// <param name="pid">The process id.</param>
    /// <returns>The process as it is now.</returns>
    ProcessInfo? Find(int pid);

    /// <summary>The files a process has open, where the platform shows them (Linux); otherwise empty.</summary>
    /// <param name="pid">The process id.</param>
    /// <returns>Full paths.</returns>
    IReadOnlyList<string> OpenFiles(int pid);

    /// <summary>A process's environment, where the platform shows it (Linux, same user); otherwise empty.</summary>
    /// <param name="pid">The process id.</param>
    /// <returns>Variable names and values.</returns>
    IReadOnlyDictionary<string, string> Environment(int pid);
}
