namespace AgentLive.Samples;

/// <summary>What the command line asked for.</summary>
internal sealed record HostOptions
{
    public string Command { get; init; } = "live";

    public string? SessionId { get; init; }

    public bool Json { get; init; }

    public string? ClaudeRoot { get; init; }

    public string? CodexRoot { get; init; }

    /// <summary><c>claude</c> or <c>codex</c>: monitor that source alone.</summary>
    public string? Only { get; init; }

    public TimeSpan LookBack { get; init; } = TimeSpan.FromHours(24);

    public bool NoProcesses { get; init; }

    public bool NoDemo { get; init; }

    /// <summary>Demo replay speed: 2 = twice as fast as recorded.</summary>
    public double Speed { get; init; } = 2;
}
