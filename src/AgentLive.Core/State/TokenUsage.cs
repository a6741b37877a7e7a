namespace AgentLive;

/// <summary>Token counts in one shape for every source.</summary>
public readonly record struct TokenUsage
{
    /// <summary>Initializes a new instance of the <see cref="TokenUsage"/> struct.</summary>
    /// <param name="input">Input tokens that were neither read from nor written to a prompt cache.</param>
    /// <param name="output">Output tokens, reasoning included.</param>
    /// <param name="cacheRead">Input tokens read from a prompt cache.</param>
    /// <param name="cacheCreation">Input tokens written to a prompt cache.</param>
    /// <param name="reasoning">The part of <paramref name="output"/> spent on reasoning, where the source reports it.</param>
    public TokenUsage(long input, long output, long cacheRead, long cacheCreation, long reasoning)
    {
        Input = input;
        Output = output;
        CacheRead = cacheRead;
        CacheCreation = cacheCreation;
        Reasoning = reasoning;
    }

    /// <summary>Gets the input tokens that were neither read from nor written to a prompt cache.</summary>
    public long Input { get; init; }

    /// <summary>Gets the output tokens, reasoning included.</summary>
    public long Output { get; init; }

    /// <summary>Gets the input tokens read from a prompt cache.</summary>
    public long CacheRead { get; init; }

    /// <summary>Gets the input tokens written to a prompt cache.</summary>
    public long CacheCreation { get; init; }

    /// <summary>Gets the part of <see cref="Output"/> spent on reasoning, where the source reports it.</summary>
    public long Reasoning { get; init; }

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
