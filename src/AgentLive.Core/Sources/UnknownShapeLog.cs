using System.Text;
using AgentLive.Parsing;

namespace AgentLive.Sources;

/// <summary>
/// What a tracker did not know, counted per kind, name and client version: the accumulator behind
/// <see cref="ISessionTracker.UnknownShapes"/>. A name becomes a string the first time it is seen; past
/// <see cref="MaxShapes"/> distinct entries new ones are dropped, so hostile input cannot grow it.
/// </summary>
internal sealed class UnknownShapeLog
{
    public const int MaxShapes = 64;

    private readonly List<UnknownShape> _shapes = [];
    private readonly List<byte[]> _names = [];

    public IReadOnlyList<UnknownShape> Shapes => _shapes;

    /// <summary>Counts one line's unknown names under the client version the transcript states.</summary>
    public void Note(UnknownNames names, string? clientVersion)
    {
        for (int i = 0; i < names.Count; i++)
        {
            Note(names.KindAt(i), names.NameAt(i), clientVersion);
        }
    }

    private void Note(UnknownShapeKind kind, ReadOnlySpan<byte> name, string? clientVersion)
    {
        for (int i = 0; i < _shapes.Count; i++)
        {
            UnknownShape shape = _shapes[i];
            if (shape.Kind == kind && string.Equals(shape.ClientVersion, clientVersion, StringComparison.Ordinal) && name.SequenceEqual(_names[i]))
            {
                _shapes[i] = shape with { Lines = shape.Lines + 1 };
                return;
            }
        }

        if (_shapes.Count < MaxShapes)
        {
            _names.Add(name.ToArray());
            _shapes.Add(new UnknownShape(kind, Encoding.UTF8.GetString(name), clientVersion, 1));
        }
    }
}
