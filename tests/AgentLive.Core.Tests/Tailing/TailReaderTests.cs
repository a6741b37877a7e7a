using System.Text;
using AgentLive.Diagnostics;
using AgentLive.Tailing;
using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AgentLive.Tests.Tailing;

public sealed class TailReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _path;

    public TailReaderTests() => _path = _dir.File("session.jsonl");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Reads_complete_lines_and_stops_after_the_last_line_feed()
    {
        await File.WriteAllTextAsync(_path, "{\"a\":1}\n{\"b\":2}\n");
        var sink = new RecordingSink();

        TailReadResult result = await new TailReader().ReadAsync(_path, TailPosition.Start, sink);

        Assert.Equal(TailReadStatus.Completed, result.Status);
        Assert.Equal(["{\"a\":1}", "{\"b\":2}"], sink.Text);
        Assert.Equal([0L, 8L], sink.Offsets);
        Assert.Equal(16, result.Position.Offset);
        Assert.Equal(2, result.Lines);
        Assert.Equal(16, result.Bytes);
    }

    [Fact]
    public async Task Reads_only_what_was_appended_since_the_saved_position()
    {
        var reader = new TailReader();
        await File.WriteAllTextAsync(_path, "one\n");
        TailReadResult first = await reader.ReadAsync(_path, TailPosition.Start, new RecordingSink());

        await File.AppendAllTextAsync(_path, "two\nthree\n");
        var sink = new RecordingSink();
        TailReadResult second = await reader.ReadAsync(_path, first.Position, sink);

        Assert.Equal(["two", "three"], sink.Text);
        Assert.Equal(TailResetReason.None, second.Reset);
        Assert.Equal(14, second.Position.Offset);
    }

    [Fact]
    public async Task A_last_line_without_its_line_feed_waits_until_the_line_feed_arrives()
    {
        var reader = new TailReader();
        await File.WriteAllTextAsync(_path, "done\n{\"partial\":");
        var sink = new RecordingSink();

        TailReadResult first = await reader.ReadAsync(_path, TailPosition.Start, sink);
        Assert.Equal(["done"], sink.Text);
        Assert.Equal(5, first.Position.Offset);

        await File.AppendAllTextAsync(_path, "true}\n");
        TailReadResult second = await reader.ReadAsync(_path, first.Position, sink);

        Assert.Equal(["done", "{\"partial\":true}"], sink.Text);
        Assert.Equal(1, second.Lines);
    }

    [Fact]
    public async Task Every_prefix_of_the_input_delivers_only_its_complete_lines()
    {
        byte[] content = "{\"type\":\"user\"}\r\n\n{\"type\":\"assistant\"}\n"u8.ToArray();
        var reader = new TailReader();
        for (int length = 0; length <= content.Length; length++)
        {
            await File.WriteAllBytesAsync(_path, content[..length]);
            var sink = new RecordingSink();

            TailReadResult result = await reader.ReadAsync(_path, TailPosition.Start, sink);

            Assert.Equal(LineModel.Lines(content.AsSpan(0, length)), sink.Lines);
            Assert.Equal(LineModel.ExpectedOffset(content.AsSpan(0, length)), result.Position.Offset);
        }
    }

    [Fact]
    public async Task Carriage_returns_before_line_feeds_are_dropped()
    {
        await File.WriteAllTextAsync(_path, "a\r\nb\r\n");
        var sink = new RecordingSink();

        await new TailReader().ReadAsync(_path, TailPosition.Start, sink);

        Assert.Equal(["a", "b"], sink.Text);
    }

    [Fact]
    public async Task A_byte_order_mark_at_the_start_is_dropped_but_not_elsewhere()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];
        await File.WriteAllBytesAsync(_path, [.. bom, .. "a\n"u8, .. bom, .. "b\n"u8]);
        var sink = new RecordingSink();

        await new TailReader().ReadAsync(_path, TailPosition.Start, sink);

        Assert.Equal("a"u8.ToArray(), sink.Lines[0]);
        Assert.Equal([.. bom, .. "b"u8], sink.Lines[1]);
        Assert.Equal(3, sink.Offsets[0]);
    }

    [Fact]
    public async Task A_file_holding_only_part_of_a_byte_order_mark_delivers_nothing_until_it_completes()
    {
        var reader = new TailReader();
        await File.WriteAllBytesAsync(_path, [0xEF, 0xBB]);
        var sink = new RecordingSink();

        TailReadResult first = await reader.ReadAsync(_path, TailPosition.Start, sink);
        await Appender.AppendLinesAsync(_path, ["x"u8.ToArray()]);
        TailReadResult second = await reader.ReadAsync(_path, first.Position, sink);

        Assert.Equal(0, first.Position.Offset);
        Assert.Equal([[0xEF, 0xBB, (byte)'x']], sink.Lines);
        Assert.Equal(4, second.Position.Offset);
    }

    [Fact]
    public async Task Blank_lines_are_skipped()
    {
        await File.WriteAllTextAsync(_path, "\n\r\n  \t\na\n\n");
        var sink = new RecordingSink();

        TailReadResult result = await new TailReader().ReadAsync(_path, TailPosition.Start, sink);

        Assert.Equal(["a"], sink.Text);
        Assert.Equal(10, result.Position.Offset);
    }

    [Fact]
    public async Task Invalid_utf8_is_passed_through_unchanged()
    {
        byte[] line = [0xC3, 0x28, 0xFF, 0xFE, (byte)'{', 0x80];
        await File.WriteAllBytesAsync(_path, [.. line, (byte)'\n']);
        var sink = new RecordingSink();

        TailReadResult result = await new TailReader().ReadAsync(_path, TailPosition.Start, sink);

        Assert.Equal(TailReadStatus.Completed, result.Status);
        Assert.Equal(line, Assert.Single(sink.Lines));
    }

    [Fact]
    public async Task A_line_longer_than_the_read_buffer_is_delivered_whole()
    {
        string longLine = new('x', 50_000);
        await File.WriteAllTextAsync(_path, $"a\n{longLine}\nb\n");
        var sink = new RecordingSink();

        await new TailReader(new TailReaderOptions { BufferSize = 4096 }).ReadAsync(_path, TailPosition.Start, sink);

        Assert.Equal(["a", longLine, "b"], sink.Text);
    }

    [Fact]
    public async Task A_50_MB_line_is_delivered_under_the_default_limit()
    {
        byte[] line = new byte[50 * 1024 * 1024];
        line.AsSpan().Fill((byte)'y');
        await using (FileStream file = File.Create(_path))
        {
            await file.WriteAsync(line);
            await file.WriteAsync("\nnext\n"u8.ToArray());
        }

        int longest = 0;
        int count = 0;
        var sink = new CountingSink(l => { longest = Math.Max(longest, l); count++; });

        TailReadResult result = await new TailReader().ReadAsync(_path, TailPosition.Start, sink);

        Assert.Equal(2, count);
        Assert.Equal(line.Length, longest);
        Assert.Equal(0, result.OversizedLinesSkipped);
    }

    [Fact]
    public async Task A_line_over_the_limit_is_skipped_with_a_diagnostic_and_reading_resumes_after_it()
    {
        var logs = new ListLoggerFactory();
        using var metrics = new MetricRecorder();
        using var counted = new AgentLiveMetrics(metrics.Factory);
        var reader = new TailReader(new TailReaderOptions { MaxLineBytes = 10_000, BufferSize = 4096, LoggerFactory = logs, Metrics = counted });
        string huge = new('z', 50 * 1024 * 1024);
        await File.WriteAllTextAsync(_path, $"before\n{huge}\nafter\n");
        var sink = new RecordingSink();

        TailReadResult result = await reader.ReadAsync(_path, TailPosition.Start, sink);

        Assert.Equal(["before", "after"], sink.Text);
        Assert.Equal(1, result.OversizedLinesSkipped);
        Assert.Equal(new FileInfo(_path).Length, result.Position.Offset);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("offset 7", StringComparison.Ordinal));
        Assert.Equal(1, metrics.Total("agentlive.tail.oversized_lines"));
    }

    [Fact]
    public async Task An_oversized_line_still_being_written_is_skipped_once_its_line_feed_arrives()
    {
        var reader = new TailReader(new TailReaderOptions { MaxLineBytes = 5000, BufferSize = 4096 });
        await File.WriteAllTextAsync(_path, "a\n" + new string('q', 20_000));
        var sink = new RecordingSink();

        TailReadResult first = await reader.ReadAsync(_path, TailPosition.Start, sink);
        await File.AppendAllTextAsync(_path, "qqq\nb\n");
        TailReadResult second = await reader.ReadAsync(_path, first.Position, sink);

        Assert.Equal(2, first.Position.Offset);
        Assert.Equal(0, first.OversizedLinesSkipped);
        Assert.Equal(["a", "b"], sink.Text);
        Assert.Equal(1, second.OversizedLinesSkipped);
    }

    [Fact]
    public async Task A_file_shorter_than_the_saved_offset_is_read_again_from_the_start()
    {
        var reader = new TailReader();
        await File.WriteAllTextAsync(_path, "first line\nsecond line\n");
        TailReadResult before = await reader.ReadAsync(_path, TailPosition.Start, new RecordingSink());

        await File.WriteAllTextAsync(_path, "new\n");
        var sink = new RecordingSink();
        TailReadResult after = await reader.ReadAsync(_path, before.Position, sink);

        Assert.Equal(TailResetReason.Truncated, after.Reset);
        Assert.Equal([TailResetReason.Truncated], sink.Resets);
        Assert.Equal(["new"], sink.Text);
        Assert.Equal(4, after.Position.Offset);
    }

    [Theory]
    [InlineData("aaaa\nbbbb\n", "cccc\ndddd\n")]
    [InlineData("aaaa\nbbbb\n", "aaaa\nbbbX\nmore lines\n")]
    [InlineData("aaaa\nbbbb\n", "Xaaa\nbbbb\ncccc\n")]
    public async Task A_file_rewritten_to_the_same_or_a_greater_length_is_read_again_from_the_start(string original, string rewritten)
    {
        var reader = new TailReader();
        await File.WriteAllTextAsync(_path, original);
        TailReadResult before = await reader.ReadAsync(_path, TailPosition.Start, new RecordingSink());

        // Rewrite in place (same inode), as Claude Code does when it compacts a transcript.
        await using (var file = new FileStream(_path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            file.SetLength(0);
            await file.WriteAsync(Encoding.UTF8.GetBytes(rewritten));
        }

        var sink = new RecordingSink();
        TailReadResult after = await reader.ReadAsync(_path, before.Position, sink);

        Assert.Equal(TailResetReason.Rewritten, after.Reset);
        Assert.Equal(LineModel.Lines(Encoding.UTF8.GetBytes(rewritten)), sink.Lines);
    }

    [LinuxFact]
    public async Task A_new_file_moved_over_the_path_is_noticed_by_its_identity()
    {
        var reader = new TailReader();
        await File.WriteAllTextAsync(_path, "same\n");
        TailReadResult before = await reader.ReadAsync(_path, TailPosition.Start, new RecordingSink());

        string replacement = _dir.File("replacement.jsonl");
        await File.WriteAllTextAsync(replacement, "same\nand more\n");
        File.Move(replacement, _path, overwrite: true);
        var sink = new RecordingSink();
        TailReadResult after = await reader.ReadAsync(_path, before.Position, sink);

        Assert.NotEqual(0, before.Position.FileId);
        Assert.Equal(TailResetReason.Replaced, after.Reset);
        Assert.Equal(["same", "and more"], sink.Text);
    }

    [Fact]
    public async Task A_missing_file_is_reported_not_thrown()
    {
        var position = new TailPosition { Offset = 42 };

        TailReadResult inFolder = await new TailReader().ReadAsync(_path, position, new RecordingSink());
        TailReadResult noFolder = await new TailReader().ReadAsync(_dir.File("gone/x.jsonl"), position, new RecordingSink());

        Assert.Equal(TailReadStatus.FileMissing, inFolder.Status);
        Assert.Equal(TailReadStatus.FileMissing, noFolder.Status);
        Assert.Equal(position, inFolder.Position);
        Assert.NotNull(inFolder.Error);
    }

    [Fact]
    public async Task An_unreadable_path_is_reported_not_thrown()
    {
        var logs = new ListLoggerFactory();

        // A directory cannot be opened as a file, whoever runs the test (chmod does not stop root).
        TailReadResult result = await new TailReader(new TailReaderOptions { LoggerFactory = logs })
            .ReadAsync(_dir.Path, TailPosition.Start, new RecordingSink());

        // The reader notes it at debug level; the monitor, which knows whether it is news, warns once.
        Assert.Equal(TailReadStatus.FileUnreadable, result.Status);
        Assert.NotNull(result.Error);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains(_dir.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_deleted_during_a_read_finishes_that_read_and_is_then_reported_missing()
    {
        var reader = new TailReader();
        await File.WriteAllTextAsync(_path, "a\nb\nc\n");
        var sink = new RecordingSink { OnEachLine = s => File.Delete(_path) };

        TailReadResult during = await reader.ReadAsync(_path, TailPosition.Start, sink);
        TailReadResult after = await reader.ReadAsync(_path, during.Position, new RecordingSink());

        Assert.NotEqual(TailReadStatus.FileMissing, during.Status);
        Assert.Equal(["a", "b", "c"], sink.Text);
        Assert.Equal(TailReadStatus.FileMissing, after.Status);
    }

    [Fact]
    public async Task Reading_again_without_new_bytes_returns_the_same_position()
    {
        var reader = new TailReader();
        await File.WriteAllTextAsync(_path, "a\nb");
        TailReadResult first = await reader.ReadAsync(_path, TailPosition.Start, new RecordingSink());

        var sink = new RecordingSink();
        TailReadResult second = await reader.ReadAsync(_path, first.Position, sink);

        Assert.Equal(first.Position, second.Position);
        Assert.Empty(sink.Lines);
        Assert.Equal(0, second.Bytes);
    }

    [Fact]
    public async Task A_cancelled_read_throws_operation_cancelled()
    {
        await File.WriteAllTextAsync(_path, "a\n");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await new TailReader().ReadAsync(_path, TailPosition.Start, new RecordingSink(), cts.Token));
    }

    [Fact]
    public async Task Lines_and_bytes_are_counted_under_the_agentlive_meter()
    {
        using var metrics = new MetricRecorder();
        using var counted = new AgentLiveMetrics(metrics.Factory);
        await File.WriteAllTextAsync(_path, "a\nb\n");

        await new TailReader(new TailReaderOptions { Metrics = counted }).ReadAsync(_path, TailPosition.Start, new RecordingSink());
        await new TailReader().ReadAsync(_path, TailPosition.Start, new RecordingSink());

        // Exactly the first reader's: two lines, four bytes with their line feeds.
        Assert.Equal(2, metrics.Total("agentlive.tail.lines"));
        Assert.Equal(4, metrics.Total("agentlive.tail.bytes"));
    }

    [Theory]
    [InlineData("pos:\t0\nflags:\t0100000\nmnt_id:\t24\nino:\t3141592\n", 3141592)]
    [InlineData("pos:\t0\nflags:\t0100000\n", 0)]
    [InlineData("pos:\t0\nino:\tnot-a-number\n", 0)]
    public void The_inode_is_read_from_fdinfo_text(string fdinfo, long expected) =>
        Assert.Equal(expected, FileIdentity.ParseInode(Encoding.ASCII.GetBytes(fdinfo)));

    private sealed class CountingSink(Action<int> onLine) : ITailLineSink
    {
        public void OnReset(TailResetReason reason)
        {
        }

        public void OnLine(ReadOnlySpan<byte> line, long offset) => onLine(line.Length);
    }
}
