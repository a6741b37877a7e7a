namespace AgentLive.Processes;

/// <summary>What <c>StopSessionAsync</c> did.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Pid">The process it concerned, where there was one.</param>
/// <param name="Message">One sentence for people.</param>
public sealed record StopResult(StopOutcome Outcome, int? Pid, string Message);
