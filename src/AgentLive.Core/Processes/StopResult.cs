using System.Diagnostics.CodeAnalysis;

namespace AgentLive;

/// <summary>What <see cref="SessionMonitor.StopSessionAsync"/> did.</summary>
public sealed record StopResult
{
    /// <summary>Initializes a new instance of the <see cref="StopResult"/> class.</summary>
    public StopResult()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StopResult"/> class.</summary>
    /// <param name="outcome">How it ended.</param>
    /// <param name="pid">The process it concerned, where there was one.</param>
    /// <param name="message">One sentence for people.</param>
    [SetsRequiredMembers]
    public StopResult(StopOutcome outcome, int? pid, string message)
    {
        Outcome = outcome;
        Pid = pid;
        Message = message;
    }

    /// <summary>Gets how it ended.</summary>
    public required StopOutcome Outcome { get; init; }

    /// <summary>Gets the process it concerned, where there was one.</summary>
    public int? Pid { get; init; }

    /// <summary>Gets one sentence for people, saying why when nothing was stopped.</summary>
    public required string Message { get; init; }
}
