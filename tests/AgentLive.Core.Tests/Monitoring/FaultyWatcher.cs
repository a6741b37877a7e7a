namespace AgentLive.Tests.Monitoring;

/// <summary>
/// A file-system watcher whose errors a test raises (as <c>Microsoft.Extensions.FileProviders.Physical</c>'s tests do),
/// optionally watching another directory than the one it stands for, so that no real notification reaches the monitor.
/// </summary>
internal sealed class FaultyWatcher : FileSystemWatcher
{
    public FaultyWatcher(string path, string watches)
        : base(path) => Watches = watches;

    /// <summary>Gets the directory the monitor asked this watcher to watch.</summary>
    public string Watches { get; }

    public void RaiseError(Exception error) => OnError(new ErrorEventArgs(error));
}
