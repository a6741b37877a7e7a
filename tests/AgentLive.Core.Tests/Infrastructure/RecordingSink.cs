using System.Text;
using AgentLive.Tailing;

namespace AgentLive.Tests.Infrastructure;

/// <summary>Keeps every line and reset a <see cref="TailReader"/> delivers.</summary>
internal sealed class RecordingSink : ITailLineSink
{
    public List<byte[]> Lines { get; } = [];

    public List<long> Offsets { get; } = [];

    public List<TailResetReason> Resets { get; } = [];

    public Action<RecordingSink>? OnEachLine { get; init; }

    public IEnumerable<string> Text => Lines.Select(l => Encoding.UTF8.GetString(l));

    public void OnReset(TailResetReason reason)
    {
        Resets.Add(reason);
        Lines.Clear();
        Offsets.Clear();
    }

    public void OnLine(ReadOnlySpan<byte> line, long offset)
    {
        Lines.Add(line.ToArray());
        Offsets.Add(offset);
        OnEachLine?.Invoke(this);
    }
}
