namespace AgentLive.Sources.Codex;

/// <summary>A Responses-API usage object as Codex writes it (<c>input_tokens</c> includes the cached ones).</summary>
internal readonly record struct CodexUsage(long Input, long CachedInput, long CacheWrite, long Output, long ReasoningOutput)
{
    /// <summary>The shared shape: uncached input, cache reads, cache writes, output (reasoning included), reasoning.</summary>
    public TokenUsage ToTokenUsage() =>
        new(Math.Max(0, Input - CachedInput), Output, CachedInput, CacheWrite, ReasoningOutput);

    /// <summary>Gets every token billed: input (cached included) and output.</summary>
    public long Total => Input + Output;

    public static CodexUsage operator -(CodexUsage left, CodexUsage right) => new(
        left.Input - right.Input,
        left.CachedInput - right.CachedInput,
        left.CacheWrite - right.CacheWrite,
        left.Output - right.Output,
        left.ReasoningOutput - right.ReasoningOutput);

    public static CodexUsage Subtract(CodexUsage left, CodexUsage right) => left - right;
}
