using AgentLive.Sources;
using AgentLive.State;

namespace AgentLive.Tests.State;

/// <summary>The inputs the status rule tests build: a transcript's facts as of its last line, a live report, and the evaluation some time later.</summary>
internal static class RuleInputs
{
    public static readonly DateTimeOffset LastLine = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static SessionFacts Facts(AgentStateKind kind) =>
        new() { LastActivityAt = LastLine, TranscriptState = new AgentState(kind, kind.ToString()) };

    public static LiveStatusEntry Live(LiveReportState state, DateTimeOffset updatedAt, string? waitingFor = null) =>
        new() { Pid = 42, SessionId = "s1", State = state, WaitingFor = waitingFor, UpdatedAt = updatedAt, Cwd = "/p" };

    public static AgentState Evaluate(AgentStateKind kind, TimeSpan after, ProcessPresence process = ProcessPresence.Unknown, LiveStatusEntry? live = null) =>
        Evaluate(Facts(kind), after, process, live);

    public static AgentState Evaluate(SessionFacts facts, TimeSpan after, ProcessPresence process = ProcessPresence.Unknown, LiveStatusEntry? live = null, bool toolRunning = false) =>
        SessionStatusRules.Evaluate(facts, new SessionContext(LastLine + after, process, live, ToolProcessRunning: toolRunning));
}
