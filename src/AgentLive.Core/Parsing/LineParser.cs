namespace AgentLive.Parsing;

/// <summary>Reads one transcript line into <paramref name="into"/>; <see langword="false"/> when it is malformed.</summary>
/// <typeparam name="T">What the line's facts are read into.</typeparam>
/// <param name="line">The line's bytes, without its newline.</param>
/// <param name="into">Where its facts go.</param>
/// <returns>Whether the line was well-formed.</returns>
internal delegate bool LineParser<in T>(ReadOnlySpan<byte> line, T into);
