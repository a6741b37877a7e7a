using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using AgentLive.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Win32.SafeHandles;

namespace AgentLive.Tailing;

/// <summary>
/// Reads the lines appended to a JSONL file since a saved <see cref="TailPosition"/>, handing each complete line to a
/// sink as bytes.
/// </summary>
/// <remarks>
/// <para>
/// A reader holds no per-file state and may be shared by any number of concurrent reads of different files. Each
/// read opens the file afresh with <see cref="FileShare.ReadWrite"/> | <see cref="FileShare.Delete"/>, reads from the
/// saved offset to the current end of file through a <see cref="PipeReader"/>, and closes it again, so the writer is
/// never hindered and a file deleted between reads is simply reported missing.
/// </para>
/// <para>
/// A last line without its line feed is a write in progress: it is never delivered, and the returned position stays
/// before it until the line feed arrives. Carriage returns before a line feed and a UTF-8 byte order mark at offset 0
/// are dropped; blank lines are skipped; all other bytes are passed through unvalidated.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var reader = new TailReader();
/// TailPosition position = TailPosition.Start;
/// TailReadResult result = await reader.ReadAsync(path, position, sink, cancellationToken);
/// position = result.Position; // pass it back next time the file grows
/// </code>
/// </example>
internal sealed class TailReader
{
    /// <summary>How many bytes at the start of the file, and just before the offset, a position fingerprints.</summary>
    internal const int FingerprintBytes = 256;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private readonly int _maxLineBytes;
    private readonly StreamPipeReaderOptions _pipeOptions;
    private readonly ILogger _logger;
    private readonly AgentLiveMetrics? _metrics;

    /// <summary>Creates a reader.</summary>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    public TailReader(TailReaderOptions? options = null)
    {
        options ??= new TailReaderOptions();
        _maxLineBytes = options.MaxLineBytes;
        _pipeOptions = new StreamPipeReaderOptions(
            bufferSize: options.BufferSize,
            minimumReadSize: Math.Max(1024, options.BufferSize / 4),
            leaveOpen: true);
        _logger = options.LoggerFactory?.CreateLogger<TailReader>() ?? NullLogger<TailReader>.Instance;
        _metrics = options.Metrics;
    }

    /// <summary>Reads every complete line after <paramref name="position"/> and returns the position after the last one.</summary>
    /// <typeparam name="TSink">The sink's type; a struct sink is called without interface dispatch.</typeparam>
    /// <param name="path">The file to read.</param>
    /// <param name="position">Where the previous read stopped, or <see cref="TailPosition.Start"/>.</param>
    /// <param name="sink">Receives a reset notice (if the position no longer fits the file) and then the lines.</param>
    /// <param name="cancellationToken">Cancels the read; lines already delivered stay delivered.</param>
    /// <returns>
    /// The outcome. A missing or unreadable file is reported in <see cref="TailReadResult.Status"/>, never thrown.
    /// </returns>
    public async ValueTask<TailReadResult> ReadAsync<TSink>(
        string path,
        TailPosition position,
        TSink sink,
        CancellationToken cancellationToken = default)
        where TSink : ITailLineSink
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (sink is null)
        {
            throw new ArgumentNullException(nameof(sink));
        }

        SafeFileHandle handle;
        try
        {
            handle = TranscriptFileHandle.OpenForRead(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(TailReadStatus.FileMissing, position, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TailReaderLog.Unreadable(_logger, e, path, position.Offset);
            return Failed(TailReadStatus.FileUnreadable, position, e);
        }

        using (handle)
        {
            if (!TranscriptFileHandle.IsRegularFile(handle))
            {
                var notRegular = new IOException($"'{path}' is not a regular file (a FIFO or a device): it is never read.");
                TailReaderLog.NotRegularFile(_logger, path);
                return Failed(TailReadStatus.NotRegularFile, position, notRegular);
            }

            return await ReadOpenFileAsync(path, handle, position, sink, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<TailReadResult> ReadOpenFileAsync<TSink>(
        string path,
        SafeFileHandle handle,
        TailPosition position,
        TSink sink,
        CancellationToken cancellationToken)
        where TSink : ITailLineSink
    {
        long fileId;
        TailResetReason reset;
        try
        {
            long length = RandomAccess.GetLength(handle);
            fileId = FileIdentity.Get(handle);
            reset = CheckPosition(handle, position, length, fileId);
            if (reset != TailResetReason.None)
            {
                TailReaderLog.Reset(_logger, path, reset, position.Offset, length);
                _metrics?.Resets.Add(1);
                sink.OnReset(reset);
                position = TailPosition.Start;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TailReaderLog.Unreadable(_logger, e, path, position.Offset);
            return Failed(TailReadStatus.FileUnreadable, position, e);
        }

        var scan = new LineScan(position.Offset);
        Exception? error = null;

        // The stream must not own the handle: the position is fingerprinted through it after the pipe is done.
        using var streamHandle = new SafeFileHandle(handle.DangerousGetHandle(), ownsHandle: false);
        var stream = new FileStream(streamHandle, FileAccess.Read, bufferSize: 0);
        PipeReader reader = PipeReader.Create(stream, _pipeOptions);
        try
        {
            stream.Seek(position.Offset, SeekOrigin.Begin);
            while (true)
            {
                ReadResult read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                ReadOnlySequence<byte> buffer = read.Buffer;
                (SequencePosition consumed, SequencePosition examined) = ScanLines(ref scan, buffer, read.IsCompleted, sink, path);
                reader.AdvanceTo(consumed, examined);
                if (read.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TailReaderLog.Unreadable(_logger, e, path, scan.Committed);
            error = e;
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        long bytes = scan.Committed - position.Offset;
        _metrics?.LinesRead.Add(scan.Lines);
        _metrics?.BytesRead.Add(bytes);
        if (error is not null)
        {
            _metrics?.ReadErrors.Add(1);
        }

        TailPosition next = scan.Committed == position.Offset && reset == TailResetReason.None
            ? position
            : Fingerprint(handle, scan.Committed, fileId);

        return new TailReadResult
        {
            Status = error is null ? TailReadStatus.Completed : TailReadStatus.FileUnreadable,
            Position = next,
            Reset = reset,
            Lines = scan.Lines,
            Bytes = bytes,
            OversizedLinesSkipped = scan.OversizedLines,
            Error = error,
        };
    }

    private (SequencePosition Consumed, SequencePosition Examined) ScanLines<TSink>(
        ref LineScan scan,
        ReadOnlySequence<byte> buffer,
        bool isCompleted,
        TSink sink,
        string path)
        where TSink : ITailLineSink
    {
        if (scan.Offset == 0 && scan.Searched == 0)
        {
            // Hold back a buffer that may still become a byte order mark, rather than deliver part of one.
            if (!isCompleted && buffer.Length < Utf8Bom.Length && IsBomPrefix(buffer))
            {
                return (buffer.Start, buffer.End);
            }

            if (StartsWithBom(buffer))
            {
                buffer = buffer.Slice(Utf8Bom.Length);
                scan.Offset = Utf8Bom.Length;
            }
        }

        while (true)
        {
            if (scan.Skipping)
            {
                SequencePosition? end = buffer.PositionOf((byte)'\n');
                if (end is null)
                {
                    scan.SkippedLength += buffer.Length;
                    scan.Offset += buffer.Length;
                    return (buffer.End, buffer.End);
                }

                long rest = buffer.Slice(0, end.Value).Length;
                scan.SkippedLength += rest;
                SkipOversizedLine(ref scan, scan.SkipStart, scan.SkippedLength, path);
                scan.Skipping = false;
                buffer = buffer.Slice(buffer.GetPosition(1, end.Value));
                scan.Offset += rest + 1;
                scan.Committed = scan.Offset;
                continue;
            }

            // Fast path: the whole line lies in the first segment (Kestrel's HttpParser does the same).
            ReadOnlySpan<byte> first = buffer.FirstSpan;
            int index = scan.Searched == 0 ? first.IndexOf((byte)'\n') : -1;
            if (index >= 0)
            {
                if (index > _maxLineBytes)
                {
                    SkipOversizedLine(ref scan, scan.Offset, index, path);
                }
                else
                {
                    Deliver(ref scan, first[..index], sink);
                }

                buffer = buffer.Slice(index + 1);
                scan.Offset += index + 1;
                scan.Committed = scan.Offset;
                continue;
            }

            SequencePosition? lineEnd = buffer.IsSingleSegment ? null : buffer.Slice(scan.Searched).PositionOf((byte)'\n');
            if (lineEnd is not null)
            {
                ReadOnlySequence<byte> line = buffer.Slice(0, lineEnd.Value);
                if (line.Length > _maxLineBytes)
                {
                    SkipOversizedLine(ref scan, scan.Offset, line.Length, path);
                }
                else
                {
                    DeliverMultiSegment(ref scan, line, sink);
                }

                buffer = buffer.Slice(buffer.GetPosition(1, lineEnd.Value));
                scan.Offset += line.Length + 1;
                scan.Committed = scan.Offset;
                scan.Searched = 0;
                continue;
            }

            if (buffer.Length > _maxLineBytes)
            {
                // Drop what is buffered and look for the line's end in what follows, so memory stays bounded.
                scan.Skipping = true;
                scan.SkipStart = scan.Offset;
                scan.SkippedLength = buffer.Length;
                scan.Offset += buffer.Length;
                scan.Searched = 0;
                return (buffer.End, buffer.End);
            }

            // An incomplete line: consume nothing, remember how far it has been searched, wait for more bytes.
            scan.Searched = buffer.Length;
            return (buffer.Start, buffer.End);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DeliverMultiSegment<TSink>(ref LineScan scan, ReadOnlySequence<byte> line, TSink sink)
        where TSink : ITailLineSink
    {
        int length = (int)line.Length;
        byte[] rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            line.CopyTo(rented);
            Deliver(ref scan, rented.AsSpan(0, length), sink);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void Deliver<TSink>(ref LineScan scan, ReadOnlySpan<byte> line, TSink sink)
        where TSink : ITailLineSink
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0)
        {
            return;
        }

        sink.OnLine(line, scan.Offset);
        scan.Lines++;
    }

    private void SkipOversizedLine(ref LineScan scan, long offset, long length, string path)
    {
        scan.OversizedLines++;
        _metrics?.OversizedLines.Add(1);
        TailReaderLog.OversizedLine(_logger, path, offset, length, _maxLineBytes);
    }

    private static TailResetReason CheckPosition(SafeFileHandle handle, TailPosition position, long length, long fileId)
    {
        if (position.Offset == 0 && position.HeadLength == 0)
        {
            return TailResetReason.None;
        }

        if (position.FileId != 0 && fileId != 0 && position.FileId != fileId)
        {
            return TailResetReason.Replaced;
        }

        if (length < position.Offset)
        {
            return TailResetReason.Truncated;
        }

        Span<byte> bytes = stackalloc byte[FingerprintBytes];
        if (position.HeadLength > 0 &&
            Fnv1a64.Hash(ReadAt(handle, bytes[..position.HeadLength], 0)) != position.HeadHash)
        {
            return TailResetReason.Rewritten;
        }

        if (position.TailLength > 0 &&
            Fnv1a64.Hash(ReadAt(handle, bytes[..position.TailLength], position.Offset - position.TailLength)) != position.TailHash)
        {
            return TailResetReason.Rewritten;
        }

        return TailResetReason.None;
    }

    private static TailPosition Fingerprint(SafeFileHandle handle, long offset, long fileId)
    {
        int length = (int)Math.Min(offset, FingerprintBytes);
        Span<byte> bytes = stackalloc byte[FingerprintBytes];
        try
        {
            return new TailPosition
            {
                Offset = offset,
                FileId = fileId,
                HeadLength = length,
                HeadHash = Fnv1a64.Hash(ReadAt(handle, bytes[..length], 0)),
                TailLength = length,
                TailHash = Fnv1a64.Hash(ReadAt(handle, bytes[..length], offset - length)),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without a fingerprint the next read can still check the length; re-reading the lines would duplicate them.
            return new TailPosition { Offset = offset, FileId = fileId };
        }
    }

    /// <summary>Reads into <paramref name="buffer"/> from <paramref name="offset"/>; returns the bytes read (fewer at end of file).</summary>
    private static ReadOnlySpan<byte> ReadAt(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return buffer[..total];
    }

    private static bool StartsWithBom(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < Utf8Bom.Length)
        {
            return false;
        }

        Span<byte> head = stackalloc byte[3];
        buffer.Slice(0, Utf8Bom.Length).CopyTo(head);
        return head.SequenceEqual(Utf8Bom);
    }

    private static bool IsBomPrefix(ReadOnlySequence<byte> buffer)
    {
        Span<byte> head = stackalloc byte[3];
        int length = (int)buffer.Length;
        buffer.CopyTo(head);
        return Utf8Bom.StartsWith(head[..length]);
    }

    private TailReadResult Failed(TailReadStatus status, TailPosition position, Exception error)
    {
        _metrics?.ReadErrors.Add(1);
        return new TailReadResult { Status = status, Position = position, Error = error };
    }

    /// <summary>Where a read stands: kept across the awaits of one read.</summary>
    private struct LineScan(long offset)
    {
        /// <summary>Offset of the first byte of the buffer being scanned.</summary>
        public long Offset = offset;

        /// <summary>Offset just past the last line feed: what the returned position will say.</summary>
        public long Committed = offset;

        /// <summary>Bytes of the pending line already searched for a line feed without finding one.</summary>
        public long Searched;

        public bool Skipping;
        public long SkipStart;
        public long SkippedLength;
        public int Lines;
        public int OversizedLines;
    }
}
