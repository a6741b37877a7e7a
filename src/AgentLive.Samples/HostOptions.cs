namespace AgentLive.Samples;

/// <summary>What the command line asked for.</summary>
internal sealed record HostOptions
{
    /// <summary>How far back the startup scan reads unless <c>--lookback</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultLookBack = TimeSpan.FromHours(24);

    public string? ClaudeRoot { get; init; }

    public string? CodexRoot { get; init; }

    /// <summary><c>claude</c> or <c>codex</c>: monitor that source alone.</summary>
    public string? Only { get; init; }

    public TimeSpan LookBack { get; init; } = DefaultLookBack;

    public bool NoProcesses { get; init; }

    /// <summary>Log the monitor's informational and debug messages too, not only its warnings.</summary>
    public bool Verbose { get; init; }

    /// <summary>Alert (bell, desktop notification) when a session comes to need the user.</summary>
    public bool Notify { get; init; }

    /// <summary>Demo replay speed: 2 = twice as fast as recorded.</summary>
    public double Speed { get; init; } = 2;
}
