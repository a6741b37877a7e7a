using Microsoft.Extensions.Logging;

namespace AgentLive.Tailing;

/// <summary>Settings for a <see cref="TailReader"/>.</summary>
internal sealed class TailReaderOptions
{
    /// <summary>The default for <see cref="MaxLineBytes"/>: 64 MiB.</summary>
    public const int DefaultMaxLineBytes = 64 * 1024 * 1024;

    /// <summary>The default for <see cref="BufferSize"/>: 128 KiB.</summary>
    public const int DefaultBufferSize = 128 * 1024;

    private int _maxLineBytes = DefaultMaxLineBytes;
    private int _bufferSize = DefaultBufferSize;

    /// <summary>Gets or sets the longest line delivered; longer lines are skipped with a diagnostic.</summary>
    /// <value>At least 1. The default is <see cref="DefaultMaxLineBytes"/> (64 MiB).</value>
    /// <remarks>The reader never buffers much more than this while looking for the end of a line.</remarks>
    public int MaxLineBytes
    {
        get => _maxLineBytes;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _maxLineBytes = value;
        }
    }

    /// <summary>Gets or sets how many bytes are read from the file at a time.</summary>
    /// <value>At least 4096. The default is <see cref="DefaultBufferSize"/> (128 KiB).</value>
    public int BufferSize
    {
        get => _bufferSize;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 4096);
            _bufferSize = value;
        }
    }

    /// <summary>Gets or sets where resets, skipped lines and read errors are logged.</summary>
    /// <value>The default is <see langword="null"/>: nothing is logged.</value>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets where lines, bytes, resets and errors are counted; <see langword="null"/> counts nothing.</summary>
    public Diagnostics.AgentLiveMetrics? Metrics { get; set; }
}
