namespace AgentLive.Sources;

/// <summary>Something a tracker met in its transcript that it does not know, and how many lines held it.</summary>
/// <param name="Kind">A line type, a field, or a value the tracker switches on.</param>
/// <param name="Name">The name as the transcript writes it (see <see cref="UnknownShapeKind"/> for the forms).</param>
/// <param name="ClientVersion">The client version the transcript stated when it appeared, or <see langword="null"/>.</param>
/// <param name="Lines">The number of lines that held it under that client version.</param>
public readonly record struct UnknownShape(UnknownShapeKind Kind, string Name, string? ClientVersion, long Lines);
