namespace AgentLive.State;

/// <summary>Token counts in one shape for every source.</summary>
/// <param name="Input">Input tokens that were neither read from nor written to a prompt cache.</param>
/// <param name="Output">Output tokens, reasoning included.</param>
/// <param name="CacheRead">Input tokens read from a prompt cache.</param>
/// <param name="CacheCreation">Input tokens written to a prompt cache.</param>
/// <param name="Reasoning">The part of <paramref name="Output"/> spent on reasoning, where the source reports it.</param>
public readonly record struct TokenUsage(long Input, long Output, long CacheRead, long CacheCreation, long Reasoning)
{
    /// <summary>Gets the sum of input, output, cache reads and cache writes (reasoning is already in the output).</summary>
    public long Total => Input + Output + CacheRead + CacheCreation;

    /// <summary>Adds two usages field by field.</summary>
    /// <param name="left">The first usage.</param>
    /// <param name="right">The second usage.</param>
    /// <returns>The sum.</returns>
    public static TokenUsage operator +(TokenUsage left, TokenUsage right) => new(
        left.Input + right.Input,
        left.Output + right.Output,
        left.CacheRead + right.CacheRead,
        left.CacheCreation + right.CacheCreation,
        left.Reasoning + right.Reasoning);

    /// <summary>Subtracts one usage from another field by field.</summary>
    /// <param name="left">The usage to subtract from.</param>
    /// <param name="right">The usage to subtract.</param>
    /// <returns>The difference.</returns>
    public static TokenUsage operator -(TokenUsage left, TokenUsage right) => new(
        left.Input - right.Input,
        left.Output - right.Output,
        left.CacheRead - right.CacheRead,
        left.CacheCreation - right.CacheCreation,
        left.Reasoning - right.Reasoning);

    /// <summary>Adds two usages (the named form of <c>+</c>).</summary>
    /// <param name="left">The first usage.</param>
    /// <param name="right">The second usage.</param>
    /// <returns>The sum.</returns>
    public static TokenUsage Add(TokenUsage left, TokenUsage right) => left + right;

    /// <summary>Subtracts one usage from another (the named form of <c>-</c>).</summary>
    /// <param name="left">The usage to subtract from.</param>
    /// <param name="right">The usage to subtract.</param>
    /// <returns>The difference.</returns>
    public static TokenUsage Subtract(TokenUsage left, TokenUsage right) => left - right;
}
