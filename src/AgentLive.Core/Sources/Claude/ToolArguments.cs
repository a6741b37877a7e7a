using System.Text.Json;

namespace AgentLive.Sources.Claude;

/// <summary>The tool-call arguments that summarise a call in one line.</summary>
internal enum ToolArgument
{
    Other = 0,
    Description,
    Command,
    FilePath,
    NotebookPath,
    Path,
    Pattern,
    Url,
    Query,
    Skill,
    SubagentType,
    Questions,

    /// <summary>A Write call's file content: read only for its first Markdown heading (a plan's title).</summary>
    Content,

    /// <summary>An ExitPlanMode call's plan: read only for its first Markdown heading.</summary>
    Plan,
}

internal static class ToolArguments
{
    public static ToolArgument Identify(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("description"u8) ? ToolArgument.Description
        : reader.ValueTextEquals("command"u8) ? ToolArgument.Command
        : reader.ValueTextEquals("file_path"u8) ? ToolArgument.FilePath
        : reader.ValueTextEquals("notebook_path"u8) ? ToolArgument.NotebookPath
        : reader.ValueTextEquals("path"u8) ? ToolArgument.Path
        : reader.ValueTextEquals("pattern"u8) ? ToolArgument.Pattern
        : reader.ValueTextEquals("url"u8) ? ToolArgument.Url
        : reader.ValueTextEquals("query"u8) ? ToolArgument.Query
        : reader.ValueTextEquals("skill"u8) ? ToolArgument.Skill
        : reader.ValueTextEquals("subagent_type"u8) ? ToolArgument.SubagentType
        : reader.ValueTextEquals("questions"u8) ? ToolArgument.Questions
        : reader.ValueTextEquals("content"u8) ? ToolArgument.Content
        : reader.ValueTextEquals("plan"u8) ? ToolArgument.Plan
        : ToolArgument.Other;

    /// <summary>The argument a JSON property name stands for (for readers holding decoded names).</summary>
    public static ToolArgument Identify(string name) => name switch
    {
        "description" => ToolArgument.Description,
        "command" => ToolArgument.Command,
        "file_path" => ToolArgument.FilePath,
        "notebook_path" => ToolArgument.NotebookPath,
        "path" => ToolArgument.Path,
        "pattern" => ToolArgument.Pattern,
        "url" => ToolArgument.Url,
        "query" => ToolArgument.Query,
        "skill" => ToolArgument.Skill,
        "subagent_type" => ToolArgument.SubagentType,
        "questions" => ToolArgument.Questions,
        "content" => ToolArgument.Content,
        "plan" => ToolArgument.Plan,
        _ => ToolArgument.Other,
    };
}
