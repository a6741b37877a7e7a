using AgentLive.Tailing;
using AgentLive.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AgentLive.Tests.Tailing;

/// <summary>
/// The tail reader against a trivial model of "the complete lines so far": any way of appending the bytes, read at any
/// points, gives the lines of a one-shot read, each once, in order.
/// </summary>
public sealed class TailReaderProperties : IDisposable
{
    // A small read buffer so that lines regularly straddle pipe segments and reads.
    private static readonly TailReader Reader = new(new TailReaderOptions { BufferSize = 4096 });

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public sealed record AppendScenario(byte[] Content, int[] Cuts, bool[] ReadAfter)
    {
        public override string ToString() =>
            $"{Content.Length} bytes, cuts [{string.Join(',', Cuts)}], reads [{string.Join(',', ReadAfter.Select(r => r ? 1 : 0))}]";
    }

    public sealed record RewriteScenario(byte[] Original, int FirstReadAt, byte[] Rewritten)
    {
        public override string ToString() => $"{Original.Length} bytes read at {FirstReadAt}, rewritten to {Rewritten.Length} bytes";
    }

    public static class Generators
    {
        private static readonly Gen<byte> InterestingByte = Gen.Elements<byte>(
            (byte)'\n', (byte)'\n', (byte)'\r', (byte)' ', (byte)'\t', (byte)'a', (byte)'{', (byte)'"', 0xEF, 0xBB, 0xBF, 0xFF, 0xC3, 0x00);

        private static readonly Gen<byte[]> Body =
            Gen.Frequency(
                    (9, InterestingByte.ArrayOf()),
                    (1, Gen.Choose(1, 12_000).Select(n => Enumerable.Repeat((byte)'x', n).ToArray())))
                .ListOf()
                .Select(pieces => pieces.SelectMany(p => p).ToArray());

        /// <summary>
        /// Mostly short runs of tricky bytes, sometimes a run long enough to span read buffers, often behind a byte
        /// order mark (which random bytes would almost never produce).
        /// </summary>
        public static Gen<byte[]> Content { get; } =
            Gen.Frequency(
                (3, Body),
                (1, Body.Select(body => (byte[])[0xEF, 0xBB, 0xBF, .. body])));

        public static Arbitrary<AppendScenario> AppendScenarios() =>
            (from content in Content
             from cutCount in Gen.Choose(0, 12)
             from cuts in Gen.Choose(0, Math.Max(0, content.Length)).ArrayOf(cutCount)
             from reads in Gen.Elements(true, false).ArrayOf(cutCount + 1)
             select new AppendScenario(content, [.. cuts.Distinct().Order()], reads)).ToArbitrary();

        private static Gen<byte[]> LinesStartingWith(byte first) =>
            from lines in Gen.Choose(1, 300).Select(n => new string('m', n)).NonEmptyListOf()
            select lines.SelectMany(l => new[] { first }.Concat(System.Text.Encoding.ASCII.GetBytes(l)).Append((byte)'\n')).ToArray();

        public static Arbitrary<RewriteScenario> RewriteScenarios() =>
            (from original in LinesStartingWith((byte)'a')
             from firstReadAt in Gen.Choose(0, original.Length)
             from replacement in LinesStartingWith((byte)'b')
             from shape in Gen.Elements("shorter", "same", "longer", "same head, same length", "same head, longer")
             from changedAt in Gen.Choose(1, TailReader.FingerprintBytes - 1)
             select new RewriteScenario(original, firstReadAt, Shape(original, replacement, shape, changedAt))).ToArbitrary();

        /// <summary>
        /// The rewritten file. The "same head" shapes keep everything but the last <paramref name="changedAt"/> bytes
        /// before the saved position (often far more than the head fingerprint covers) and change the byte there, so
        /// only the fingerprint just before the position can tell; a replacement line starts with <c>b</c>, which the
        /// original never has.
        /// </summary>
        private static byte[] Shape(byte[] original, byte[] replacement, string shape, int changedAt)
        {
            int keep = Math.Max(0, original.Length - changedAt);
            return shape switch
            {
                "shorter" => replacement[..Math.Max(1, Math.Min(replacement.Length, original.Length - 1))],
                "same" => [.. replacement.Concat(Enumerable.Repeat((byte)'\n', Math.Max(0, original.Length - replacement.Length))).Take(original.Length)],
                "same head, same length" => [.. original[..keep], .. replacement.Concat(original[keep..]).Take(original.Length - keep)],
                "same head, longer" => [.. original[..keep], .. replacement, .. original[keep..]],
                _ => [.. replacement, .. original, .. replacement],
            };
        }
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(Generators)])]
    public bool Any_split_into_appends_read_at_any_points_gives_the_one_shot_lines_exactly_once(AppendScenario scenario)
    {
        string path = _dir.File($"{Guid.NewGuid():N}.jsonl");
        using (File.Create(path))
        {
        }

        var sink = new RecordingSink();
        TailPosition position = TailPosition.Start;
        int written = 0;
        int[] ends = [.. scenario.Cuts, scenario.Content.Length];
        for (int i = 0; i < ends.Length; i++)
        {
            Append(path, scenario.Content.AsSpan(written, ends[i] - written));
            written = ends[i];
            if (scenario.ReadAfter[i])
            {
                position = Read(path, position, sink).Position;

                // The position is exactly past the last line feed written so far: never beyond it, never behind.
                if (position.Offset != LineModel.ExpectedOffset(scenario.Content.AsSpan(0, written)))
                {
                    return false;
                }
            }
        }

        TailReadResult last = Read(path, position, sink);
        var oneShot = new RecordingSink();
        Read(path, TailPosition.Start, oneShot);

        List<byte[]> expected = LineModel.Lines(scenario.Content);
        return sink.Resets.Count == 0
            && Same(expected, sink.Lines)
            && Same(expected, oneShot.Lines)
            && last.Position.Offset == LineModel.ExpectedOffset(scenario.Content);
    }

    [Property(MaxTest = 1000)]
    public bool Arbitrary_bytes_never_throw_and_the_position_stays_on_a_line_boundary(byte[] content, bool smallLimit)
    {
        string path = _dir.File($"{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(path, content);
        var reader = new TailReader(new TailReaderOptions { BufferSize = 4096, MaxLineBytes = smallLimit ? 8 : TailReaderOptions.DefaultMaxLineBytes });

        TailReadResult result = reader.ReadAsync(path, TailPosition.Start, new RecordingSink()).AsTask().GetAwaiter().GetResult();

        long offset = result.Position.Offset;
        return result.Status == TailReadStatus.Completed
            && offset <= LineModel.ExpectedOffset(content)
            && (offset == 0 || content[offset - 1] == (byte)'\n')
            && (smallLimit || offset == LineModel.ExpectedOffset(content));
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(Generators)])]
    public bool A_rewrite_after_some_reads_resets_and_then_yields_exactly_the_new_lines(RewriteScenario scenario)
    {
        string path = _dir.File($"{Guid.NewGuid():N}.jsonl");
        var sink = new RecordingSink();
        File.WriteAllBytes(path, scenario.Original[..scenario.FirstReadAt]);
        TailPosition position = Read(path, TailPosition.Start, sink).Position;
        Append(path, scenario.Original.AsSpan(scenario.FirstReadAt));
        position = Read(path, position, sink).Position;

        // In place, keeping the inode: only the fingerprints or the length can tell.
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.SetLength(0);
            file.Write(scenario.Rewritten);
        }

        TailReadResult after = Read(path, position, sink);
        return after.Reset != TailResetReason.None
            && sink.Resets.Count == 1
            && Same(LineModel.Lines(scenario.Rewritten), sink.Lines)
            && after.Position.Offset == LineModel.ExpectedOffset(scenario.Rewritten);
    }

    private static TailReadResult Read(string path, TailPosition position, RecordingSink sink) =>
        Reader.ReadAsync(path, position, sink).AsTask().GetAwaiter().GetResult();

    private static void Append(string path, ReadOnlySpan<byte> bytes)
    {
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        file.Write(bytes);
    }

    private static bool Same(List<byte[]> expected, List<byte[]> actual) =>
        expected.Count == actual.Count && expected.Zip(actual).All(p => p.First.AsSpan().SequenceEqual(p.Second));
}
