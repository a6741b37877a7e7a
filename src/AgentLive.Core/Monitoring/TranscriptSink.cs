using AgentLive.Sources;
using AgentLive.Tailing;

namespace AgentLive.Monitoring;

/// <summary>Feeds a source's tracker or message reader from the tail reader, keeping the reader's types out of the source contract.</summary>
internal readonly struct TranscriptSink : ITailLineSink
{
    private readonly ITranscriptLineSink _target;

    public TranscriptSink(ITranscriptLineSink target) => _target = target;

    public void OnReset(TailResetReason reason) => _target.OnReset();

    public void OnLine(ReadOnlySpan<byte> line, long offset) => _target.OnLine(line);
}
