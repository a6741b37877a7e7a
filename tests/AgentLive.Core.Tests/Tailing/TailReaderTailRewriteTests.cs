using System.Text;
using AgentLive.Tailing;
using AgentLive.Tests.Infrastructure;

namespace AgentLive.Tests.Tailing;

/// <summary>
/// A file longer than the head fingerprint, rewritten in place so that its first bytes stay and only the bytes just
/// before the saved position change: the head check passes and the length does not shrink, so only the fingerprint of
/// the bytes before the position can notice.
/// </summary>
public sealed class TailReaderTailRewriteTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _path;

    public TailReaderTailRewriteTests() => _path = _dir.File("session.jsonl");

    public void Dispose() => _dir.Dispose();

    /// <summary>Forty numbered lines, well past the head fingerprint.</summary>
    private static string Original() =>
        string.Concat(Enumerable.Range(0, 40).Select(i => $"{{\"line\":{i:D4},\"text\":\"original\"}}\n"));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Changing_only_the_bytes_before_the_saved_position_is_a_rewrite(bool longer)
    {
        string original = Original();
        Assert.True(original.Length > 3 * TailReader.FingerprintBytes);
        var reader = new TailReader();
        await File.WriteAllTextAsync(_path, original);
        TailReadResult before = await reader.ReadAsync(_path, TailPosition.Start, new RecordingSink());
        Assert.Equal(original.Length, before.Position.Offset);

        // The last line's text changes ("original" to "replaced", the same length); everything before it stays.
        const string Extra = "{\"line\":9999,\"text\":\"after\"}\n";
        string rewritten = original[..^11] + "replaced\"}\n" + (longer ? Extra : "");
        Assert.Equal(original.Length + (longer ? Extra.Length : 0), rewritten.Length);
        Assert.Equal(original.Length - 11, CommonPrefix(original, rewritten));
        await using (var file = new FileStream(_path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.SetLength(0);
            await file.WriteAsync(Encoding.UTF8.GetBytes(rewritten));
        }

        var sink = new RecordingSink();
        TailReadResult after = await reader.ReadAsync(_path, before.Position, sink);

        Assert.Equal(TailResetReason.Rewritten, after.Reset);
        Assert.Equal([TailResetReason.Rewritten], sink.Resets);
        Assert.Equal(LineModel.Lines(Encoding.UTF8.GetBytes(rewritten)), sink.Lines);
        Assert.Equal(rewritten.Length, after.Position.Offset);
    }

    private static int CommonPrefix(string a, string b)
    {
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }
}
