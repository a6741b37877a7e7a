using AgentLive.Parsing;

namespace AgentLive.Sources.Claude;

/// <summary>
/// The names Claude Code writes that the parser knows, besides those it reads: anything else is reported as format
/// drift. Taken from the lines real clients wrote (2.1.328 and 2.1.332) and from the documented shapes of earlier
/// versions; a new client version that writes something else shows up as a <see cref="FormatDriftDetected"/>, and
/// the name belongs here once its meaning is known.
/// </summary>
internal static class ClaudeShapes
{
    /// <summary>Top-level fields of the line types the parser reads (bookkeeping lines are not looked into).</summary>
    public static readonly Utf8NameSet TopLevelFields = new(
    [
        "agentId", "apiBlockIndex", "apiErrorType", "attributionAgent", "base", "cacheControl", "content",
        "durationMs", "echoWireToolInputs", "effort", "entrypoint", "failedResponseHadNoToolCall",
        "hasUnknownModelCost", "id", "interruptedMessageId", "keep", "leafUuid", "level", "madeBy", "messageCount",
        "modelUsage", "operation", "origin", "parentUuid", "pendingBackgroundAgentCount", "perTurnEffort",
        "permissionDecision", "permissionMode", "promptCacheRequested", "promptId", "promptSource",
        "queueSkipAttachments", "rendered", "renderedBesideToolResult", "renderedRole", "requestDigest", "requestId",
        "requestRef", "requestedModel", "retryInMs", "rowSource", "sandboxed", "sentAtMs", "serverClassifierRequest",
        "session_id", "shapeHash", "slug", "source", "sourceToolAssistantUUID", "startTime", "tail", "thread",
        "toolDenialKind", "toolInputStreamMs", "totalAPIDuration", "totalAPIDurationWithoutRetries", "totalDuration",
        "totalLinesAdded", "totalLinesRemoved", "totalToolDuration", "turnCompanion", "turnOrigin", "turnPosition",
        "userType", "uuid",

        // Documented for other versions and line types: compaction and hook summaries, progress, sub-agents, teams.
        "cause", "compactMetadata", "hasOutput", "hookCount", "hookErrors", "hookInfos", "logicalParentUuid",
        "microcompactMetadata", "preventedContinuation", "stopReason", "teamName", "toolUseID",
    ]);

    /// <summary>The <c>subtype</c> words of <c>system</c> lines.</summary>
    public static readonly Utf8NameSet SystemSubtypes = new(
    [
        "api_error", "away_summary", "compact_boundary", "informational", "local_command", "microcompact_boundary",
        "scheduled_task_fire", "stop_hook_summary", "turn_duration",
    ]);

    /// <summary>The <c>attachment.type</c> words of <c>attachment</c> lines.</summary>
    public static readonly Utf8NameSet AttachmentTypes = new(
    [
        "agent_listing_delta", "auto_mode", "date", "deferred_tools_delta", "deferred_tools_record", "environment",
        "model", "plan_mode", "plan_mode_exit", "prompt_snapshot", "queued_command", "remote_session_change",
        "session_context", "skill_listing", "task_reminder",
    ]);

    /// <summary>The <c>data.type</c> words of <c>progress</c> lines.</summary>
    public static readonly Utf8NameSet ProgressTypes = new(
    [
        "agent_progress", "bash_progress", "hook_progress", "mcp_progress", "query_update", "search_results_received",
        "waiting_for_task",
    ]);
}
