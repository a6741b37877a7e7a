namespace AgentLive.Sources;

/// <summary>What a process is to an agent source.</summary>
public enum AgentProcessRole
{
    /// <summary>Not one of the source's processes.</summary>
    None = 0,

    /// <summary>The agent the user runs: its exit ends the session.</summary>
    Agent,

    /// <summary>A launcher whose child is the agent (npm's <c>node …/codex.js</c>): counted once, through the child.</summary>
    Launcher,

    /// <summary>A background service the agent uses (Codex's app-server daemon); it may outlive the agent.</summary>
    Daemon,

    /// <summary>A helper the agent started (tool shells, MCP servers, the code-mode host): never the agent.</summary>
    Helper,
}
