namespace AgentLive.State;

/// <summary>The monitor's one-line answer to "what needs me, and what does it cost".</summary>
/// <param name="NeedsYouCount">Open sessions waiting for the user (questions, permissions, finished turns, errors).</param>
/// <param name="AutonomousCount">Sessions working on their own.</param>
/// <param name="TotalTokensToday">Tokens of the sessions active today (local time), each session's total.</param>
/// <param name="TotalCostTodayUsd">Their cost, counting the sessions whose cost is known.</param>
public sealed record SessionSummary(int NeedsYouCount, int AutonomousCount, long TotalTokensToday, decimal TotalCostTodayUsd);
