namespace AgentLive.Sources;

/// <summary>Where the current turn of a transcript stands, as every source's tracker reads it.</summary>
internal enum TurnPhase
{
    /// <summary>No turn seen yet.</summary>
    None,

    /// <summary>A prompt, a tool result or a model call: the model is working.</summary>
    ModelCall,

    /// <summary>A failed attempt that will be retried.</summary>
    Retrying,

    /// <summary>The model wrote part of a reply (text, no end of turn yet).</summary>
    Responding,

    /// <summary>Tool calls are pending.</summary>
    Tools,

    TurnEnded,

    /// <summary>The turn failed (an API error, a failed task).</summary>
    Error,

    Interrupted,

    /// <summary>A command ran locally in the client; no turn is in progress.</summary>
    LocalCommand,

    /// <summary>The client wrote that it exits.</summary>
    Ended,
}
