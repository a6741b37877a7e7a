namespace AgentLive.Tests.Infrastructure;

/// <summary>A temporary agent root (a fake <c>~/.claude</c> or <c>~/.codex</c>) that real transcripts are replayed into.</summary>
public sealed class FixtureRoot : IDisposable
{
    private readonly TempDirectory _dir = new();

    public string Path => _dir.Path;

    /// <summary>Where a fixture's transcript goes under this root, with the client's own layout.</summary>
    public string PlaceFor(RealFixture fixture, string? transcript = null)
    {
        transcript ??= fixture.Transcript;
        string marker = System.IO.Path.DirectorySeparatorChar + fixture.Client + System.IO.Path.DirectorySeparatorChar;
        string relative = transcript[(transcript.LastIndexOf(marker, StringComparison.Ordinal) + marker.Length)..];
        string target = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        return target;
    }

    /// <summary>Copies a fixture's whole transcript into place.</summary>
    public string Copy(RealFixture fixture)
    {
        string target = PlaceFor(fixture);
        File.Copy(fixture.Transcript, target, overwrite: true);
        return target;
    }

    public void Dispose() => _dir.Dispose();
}
