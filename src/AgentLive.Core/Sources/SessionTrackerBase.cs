using AgentLive.Parsing;
using AgentLive.State;
using Microsoft.Extensions.Logging;

namespace AgentLive.Sources;

/// <summary>
/// What every built-in tracker shares: counting malformed lines (with one diagnostic per file, not per line) and
/// unknown ones, keeping what it did not know, versioning, and caching the immutable facts between changes.
/// </summary>
internal abstract partial class SessionTrackerBase : ISessionTracker
{
    private readonly ILogger _logger;
    private readonly UnknownShapeLog _unknownShapes = new();
    private SessionFacts? _facts;
    private long _factsVersion = -1;
    private bool _malformedLogged;
    private long _lineNumber;

    protected SessionTrackerBase(SessionFile file, ILogger logger)
    {
        File = file;
        _logger = logger;
    }

    public SessionFile File { get; }

    public long Version { get; private set; }

    public long MalformedLines { get; private set; }

    public long UnknownLines { get; private set; }

    public IReadOnlyList<UnknownShape> UnknownShapes => _unknownShapes.Shapes;

    /// <summary>Gets or sets the client version the transcript states so far; unknown names are counted under it.</summary>
    protected string? ClientVersion { get; set; }

    /// <summary>Gets the time of the first line that carried one.</summary>
    protected DateTimeOffset? StartedAt { get; private set; }

    /// <summary>Gets the time of the latest line that carried one (lines can arrive out of order: the latest wins).</summary>
    protected DateTimeOffset? LastActivityAt { get; private set; }

    public void OnReset()
    {
        Clear();
        StartedAt = LastActivityAt = null;
        ClientVersion = null;
        _malformedLogged = false;
        _lineNumber = 0;
        Version++;
    }

    public void OnLine(ReadOnlySpan<byte> line)
    {
        _lineNumber++;
        switch (Apply(line))
        {
            case LineOutcome.Changed:
                Version++;
                break;
            case LineOutcome.Unknown:
                UnknownLines++;
                break;
            case LineOutcome.Malformed:
                MalformedLines++;
                if (!_malformedLogged)
                {
                    _malformedLogged = true;
                    LogMalformed(_logger, File.Path, _lineNumber);
                }

                break;
        }
    }

    public SessionFacts GetFacts()
    {
        if (_facts is null || _factsVersion != Version)
        {
            _facts = BuildFacts();
            _factsVersion = Version;
        }

        return _facts;
    }

    /// <summary>The state at a moment: <see cref="SessionStatusRules.Evaluate"/> of the current facts.</summary>
    public AgentState Evaluate(SessionContext context) => SessionStatusRules.Evaluate(GetFacts(), context);

    /// <summary>Notes a line's time.</summary>
    protected void Touch(DateTimeOffset? time)
    {
        if (time is { } value)
        {
            StartedAt ??= value;
            if (LastActivityAt is null || value > LastActivityAt)
            {
                LastActivityAt = value;
            }
        }
    }

    /// <summary>Counts the names a line's parser did not know, under <see cref="ClientVersion"/>.</summary>
    protected void NoteUnknownNames(UnknownNames names) => _unknownShapes.Note(names, ClientVersion);

    /// <summary>Applies one line to the state.</summary>
    protected abstract LineOutcome Apply(ReadOnlySpan<byte> line);

    /// <summary>Forgets everything: the file is about to be read again from the start.</summary>
    protected abstract void Clear();

    protected abstract SessionFacts BuildFacts();

    [LoggerMessage(2001, LogLevel.Warning, "Skipping malformed lines in {Path}; the first is line {Line}. Later ones in this file are counted, not logged.")]
    private static partial void LogMalformed(ILogger logger, string path, long line);

    protected enum LineOutcome
    {
        /// <summary>A known line, applied (the facts are rebuilt lazily, so every known line counts as a change).</summary>
        Changed,

        /// <summary>A line of a type the tracker does not know.</summary>
        Unknown,

        /// <summary>Not a JSON object.</summary>
        Malformed,
    }
}
