using System.Diagnostics;

namespace AgentLive.Tests.Infrastructure;

/// <summary>
/// Real child processes standing in for agents: <see cref="Binary"/> is a copy of <c>sleep</c> named <c>claude</c> (so
/// its <c>comm</c> is an agent's). Every process started here is killed at the end.
/// </summary>
internal sealed class FakeAgents : IDisposable
{
    private readonly List<Process> _started = [];

    /// <param name="directory">Where the copy goes (under <c>bin</c>).</param>
    public FakeAgents(string directory)
    {
        Binary = Path.Combine(Directory.CreateDirectory(Path.Combine(directory, "bin")).FullName, "claude");
        if (OperatingSystem.IsLinux())
        {
            File.Copy("/bin/sleep", Binary);
            File.SetUnixFileMode(Binary, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        }
    }

    public string Binary { get; }

    /// <summary>Whether a pid is one of the processes started here.</summary>
    public bool Started(int pid) => _started.Exists(p => p.Id == pid);

    /// <summary>Starts a program (by default <c>300</c> as its only argument) in a directory.</summary>
    public Process Start(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments.Length == 0 ? ["300"] : arguments) { WorkingDirectory = directory, UseShellExecute = false };
        Process process = Process.Start(start)!;
        _started.Add(process);
        return process;
    }

    public void Dispose()
    {
        foreach (Process process in _started)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            process.Dispose();
        }
    }
}
