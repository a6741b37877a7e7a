namespace AgentLive;

/// <summary>One entry of a session's conversation, as <see cref="SessionMonitor.GetMessagesAsync"/> reads it from the transcript.</summary>
public sealed record SessionMessage
{
    /// <summary>Gets who wrote the entry.</summary>
    public required MessageRole Role { get; init; }

    /// <summary>Gets the text: a prompt, an answer, a tool's input summary or output (long outputs are cut).</summary>
    public required string Text { get; init; }

    /// <summary>Gets when the entry was written, where the line says.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Gets, for tool calls and results, the tool.</summary>
    public string? ToolName { get; init; }

    /// <summary>Gets, for tool calls and results, the id linking them.</summary>
    public string? ToolCallId { get; init; }

    /// <summary>Gets, for tool results, whether the call failed or was rejected.</summary>
    public bool IsError { get; init; }
}
