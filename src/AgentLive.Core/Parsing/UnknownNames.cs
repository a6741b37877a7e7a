using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace AgentLive.Parsing;

/// <summary>
/// The names in one line that its parser does not know (its type, a field, a value it switches on), kept as bytes
/// until the whole line is read: recognising a known name costs no allocation, and the tracker decides what to keep.
/// One instance is reused for every line.
/// </summary>
internal sealed class UnknownNames
{
    /// <summary>No tracker keeps more distinct names than this, so a line with more has nothing more to tell.</summary>
    public const int MaxPerLine = 64;

    /// <summary>A longer name is cut (at a character boundary): a hostile field name must not become a large string.</summary>
    public const int MaxNameBytes = 128;

    private readonly List<Entry> _entries = [];
    private byte[] _bytes = new byte[256];
    private int _used;

    public int Count => _entries.Count;

    public UnknownShapeKind KindAt(int index) => _entries[index].Kind;

    public ReadOnlySpan<byte> NameAt(int index) => _bytes.AsSpan(_entries[index].Start, _entries[index].Length);

    /// <summary>The names noted, as <c>Kind:name</c> in order (for diagnostics, and for tests to compare parses).</summary>
    public override string ToString() =>
        string.Join(", ", Enumerable.Range(0, Count).Select(i => $"{KindAt(i)}:{Encoding.UTF8.GetString(NameAt(i))}"));

    public void Clear()
    {
        _entries.Clear();
        _used = 0;
    }

    /// <summary>Notes <paramref name="prefix"/> + <paramref name="name"/> unless <paramref name="known"/> holds <paramref name="name"/>.</summary>
    public void AddUnlessKnown(UnknownShapeKind kind, Utf8NameSet known, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> name)
    {
        if (!known.Contains(name))
        {
            Add(kind, prefix, name);
        }
    }

    /// <summary>
    /// Notes <paramref name="prefix"/> + the name or string the reader is on unless <paramref name="known"/> holds it,
    /// decoded when it is written with escapes (as any JSON reader would name it).
    /// </summary>
    public void AddUnlessKnown(UnknownShapeKind kind, Utf8NameSet known, ReadOnlySpan<byte> prefix, ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            AddUnlessKnown(kind, known, prefix, reader.ValueSpan);
        }
        else if (reader.ValueSpan.Length <= MaxNameBytes)
        {
            // Decoding never makes it longer.
            Span<byte> decoded = stackalloc byte[MaxNameBytes];
            AddUnlessKnown(kind, known, prefix, decoded[..reader.CopyString(decoded)]);
        }
        else
        {
            AddUnlessKnown(kind, known, prefix, reader.GetString()!);
        }
    }

    /// <inheritdoc cref="AddUnlessKnown(UnknownShapeKind, Utf8NameSet, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>
    public void AddUnlessKnown(UnknownShapeKind kind, Utf8NameSet known, ReadOnlySpan<byte> prefix, string name)
    {
        if (!known.Contains(name))
        {
            Span<byte> utf8 = stackalloc byte[MaxNameBytes];
            Add(kind, prefix, Encode(name, utf8));
        }
    }

    /// <summary>
    /// Makes the line's type the only name noted: every field of a line of an unknown type would be news, and the
    /// type says it all.
    /// </summary>
    /// <param name="type">The type as written, or empty when the line has none (then it is noted as <c>(no type)</c>).</param>
    public void OnlyLineType(ReadOnlySpan<byte> type)
    {
        Clear();
        Add(UnknownShapeKind.LineType, default, type.IsEmpty ? "(no type)"u8 : type);
    }

    /// <inheritdoc cref="OnlyLineType(ReadOnlySpan{byte})"/>
    public void OnlyLineType(string type)
    {
        Span<byte> utf8 = stackalloc byte[MaxNameBytes];
        OnlyLineType(Encode(type, utf8));
    }

    /// <summary>As much of <paramref name="name"/> as fits <paramref name="buffer"/>, in UTF-8.</summary>
    private static ReadOnlySpan<byte> Encode(string name, Span<byte> buffer)
    {
        _ = Utf8.FromUtf16(name, buffer, out _, out int written);
        return buffer[..written];
    }

    private void Add(UnknownShapeKind kind, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> name)
    {
        if (_entries.Count >= MaxPerLine)
        {
            return;
        }

        if (name.Length > MaxNameBytes)
        {
            int cut = MaxNameBytes;
            while (cut > 0 && (name[cut] & 0xC0) == 0x80)
            {
                cut--;
            }

            name = name[..cut];
        }

        int length = prefix.Length + name.Length;
        if (_used + length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + length));
        }

        prefix.CopyTo(_bytes.AsSpan(_used));
        name.CopyTo(_bytes.AsSpan(_used + prefix.Length));
        _entries.Add(new Entry(kind, _used, length));
        _used += length;
    }

    private readonly record struct Entry(UnknownShapeKind Kind, int Start, int Length);
}
