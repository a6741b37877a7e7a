using AgentLive.Monitoring;
using AgentLive.Sources;
using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AgentLive.Tests.Monitoring;

/// <summary>The catalog's rescan over dormant transcripts (older than the look-back window, known but never read).</summary>
public sealed class TranscriptCatalogTests : IDisposable
{
    private const string Quiet = "00000000-0000-4000-8000-000000000001";
    private const string Other = "00000000-0000-4000-8000-000000000002";

    private static readonly TimeSpan LookBack = TimeSpan.FromDays(1);

    private readonly TempDirectory _root = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly TranscriptCatalog _catalog;
    private readonly string _project;

    public TranscriptCatalogTests()
    {
        _project = Directory.CreateDirectory(Path.Combine(_root.Path, "projects", "-work-app")).FullName;
        ISessionSource[] sources = [new ClaudeSessionSource(new ClaudeSourceOptions { Roots = [_root.Path] })];
        _catalog = new TranscriptCatalog(sources, _time, LookBack, NullLoggerFactory.Instance);
    }

    public void Dispose() => _root.Dispose();

    [Fact]
    public void A_rescan_names_no_dormant_file_that_did_not_change()
    {
        Old(Quiet);
        Old(Other);

        Assert.Empty(_catalog.Rescan());
        Assert.Empty(_catalog.Rescan());
        Assert.True(_catalog.TryGet(PathOf(Quiet), out TrackedFile? known));
        Assert.True(known!.Dormant);
    }

    [Fact]
    public void A_rescan_names_a_dormant_file_whose_size_changed_without_a_notification()
    {
        string path = Old(Quiet);
        Old(Other);
        Assert.Empty(_catalog.Rescan());

        // The same write time, one more byte: only the size tells.
        DateTime written = File.GetLastWriteTimeUtc(path);
        File.AppendAllText(path, "{}\n");
        File.SetLastWriteTimeUtc(path, written);

        TrackedFile changed = Assert.Single(_catalog.Rescan());
        Assert.Equal(path, changed.Path);
    }

    [Fact]
    public void A_rescan_names_a_deleted_dormant_file_once_and_forgetting_it_leaves_it_unknown()
    {
        string path = Old(Quiet);
        Old(Other);
        Assert.Empty(_catalog.Rescan());

        File.Delete(path);
        TrackedFile gone = Assert.Single(_catalog.Rescan());
        Assert.Equal(path, gone.Path);

        _catalog.Forget(gone);
        Assert.False(_catalog.TryGet(path, out _));
        Assert.Empty(_catalog.Rescan());
        Assert.Empty(_catalog.Dormant(["claude:" + Quiet]));
    }

    [Fact]
    public void A_new_file_within_the_look_back_is_named_and_an_old_one_is_known_but_not()
    {
        Assert.Empty(_catalog.Rescan());
        string fresh = Write(Quiet, _time.GetUtcNow().UtcDateTime);
        string old = Old(Other);

        TrackedFile found = Assert.Single(_catalog.Rescan());
        Assert.Equal(fresh, found.Path);
        Assert.False(found.Dormant);
        Assert.True(_catalog.TryGet(old, out TrackedFile? dormant));
        Assert.True(dormant!.Dormant);
    }

    [Fact]
    public void A_dormant_session_is_told_by_its_key_without_being_read()
    {
        Old(Quiet);
        _catalog.Rescan();

        HashSet<string> dormant = _catalog.Dormant(["claude:" + Quiet, "claude:" + Other, "codex:" + Quiet, "cloude:" + Quiet, "claude-" + Quiet, "claude:" + Quiet[..^1], "claude", Quiet]);

        Assert.Equal(["claude:" + Quiet], dormant);
        Assert.True(_catalog.TryGet(PathOf(Quiet), out TrackedFile? file));
        Assert.False(file!.IsOpen);
        Assert.Equal("claude:" + Quiet, file.SessionKey);
        Assert.Equal(Quiet, file.File.SessionId);
    }

    [Fact]
    public void A_forgotten_file_read_once_more_is_not_filed_beside_the_file_now_at_its_path()
    {
        string path = Write(Quiet, _time.GetUtcNow().UtcDateTime);
        TrackedFile first = _catalog.TrackChanged(path)!;
        Read(first);

        // Its read found it missing; a change noted before that sends the same object round once more, by which time
        // the path has been made again, and a notification tracks it afresh.
        _catalog.Forget(first);
        Read(first);
        Read(_catalog.TrackChanged(path)!);

        TrackedFile filed = Assert.Single(_catalog.FilesOf("claude:" + Quiet));
        Assert.NotSame(first, filed);
    }

    private void Read(TrackedFile file)
    {
        _catalog.Open(file);
        file.Facts = file.Tracker.GetFacts();
        _catalog.NoteRead(file);
    }

    private string PathOf(string sessionId) => Path.Combine(_project, $"{sessionId}.jsonl");

    private string Old(string sessionId) => Write(sessionId, _time.GetUtcNow().UtcDateTime - LookBack - TimeSpan.FromHours(1));

    private string Write(string sessionId, DateTime written)
    {
        string path = PathOf(sessionId);
        File.WriteAllText(path, "{}\n");
        File.SetLastWriteTimeUtc(path, written);
        return path;
    }
}
