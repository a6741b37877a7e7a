namespace AgentLive.Monitoring;

/// <summary>What an <see cref="IChangeSignal"/> reports to.</summary>
internal interface IChangeListener
{
    /// <summary>A file or directory under a watched directory appeared, changed, or went away.</summary>
    void OnChanged(string path);

    /// <summary>
    /// Something may have been missed (the safety-net tick, a watcher error or overflow, a directory that appeared):
    /// every directory is listed and every known file compared again.
    /// </summary>
    /// <returns>A task that completes when that pass, its reads included, is done.</returns>
    Task RescanAsync();

    /// <summary>
    /// The clock moved: the files in use (read since the monitor started) are compared again, and every status is
    /// derived anew. Cheaper than <see cref="RescanAsync"/>: it neither lists directories nor looks at dormant files,
    /// so its cost does not grow with history.
    /// </summary>
    /// <returns>A task that completes when that pass, its reads included, is done.</returns>
    Task RefreshAsync();
}
