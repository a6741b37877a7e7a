namespace AgentLive;

/// <summary>The monitor's one-line answer to "what needs me, and what does it cost". Counts use <see cref="LiveSession.Status"/>.</summary>
public sealed record SessionSummary
{
    /// <summary>Gets how many sessions need the user (<see cref="SessionStatus.NeedsYou"/>).</summary>
    public int NeedsYouCount { get; init; }

    /// <summary>Gets how many sessions work on their own (<see cref="SessionStatus.Working"/>).</summary>
    public int WorkingCount { get; init; }

    /// <summary>Gets how many ended sessions are still shown (<see cref="SessionStatus.Done"/>, within the grace period).</summary>
    public int DoneCount { get; init; }

    /// <summary>Gets how many sessions the monitor cannot see into (<see cref="SessionStatus.Unknown"/>).</summary>
    public int UnknownCount { get; init; }

    /// <summary>Gets the tokens of the sessions active today (local time), each session's total.</summary>
    public long TotalTokensToday { get; init; }

    /// <summary>Gets their cost in US dollars, counting the sessions whose cost is known.</summary>
    public decimal TotalCostTodayUsd { get; init; }
}
