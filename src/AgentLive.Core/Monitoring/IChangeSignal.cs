namespace AgentLive.Monitoring;

/// <summary>
/// Tells the monitor what in the transcript directories may have changed: file-system notifications, or a polling
/// timer. The monitor depends on no particular kind; tests inject their own.
/// </summary>
internal interface IChangeSignal : IDisposable
{
    /// <summary>Starts signalling to <paramref name="listener"/>; called once, before the first <see cref="Watch"/>.</summary>
    void Start(IChangeListener listener);

    /// <summary>
    /// Makes sure these directories are watched, or waited for when they do not exist yet. Called at start and after
    /// every rescan, so a watch that lost its directory is armed again.
    /// </summary>
    void Watch(IEnumerable<string> directories);
}
