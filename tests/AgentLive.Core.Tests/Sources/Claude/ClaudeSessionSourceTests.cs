using System.Globalization;
using AgentLive.Monitoring;
using AgentLive.Processes;
using AgentLive.Sources;
using AgentLive.Sources.Claude;
using AgentLive.State;
using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentLive.Tests.Sources.Claude;

public sealed class ClaudeSessionSourceTests : IDisposable
{
    private readonly TempDirectory _root = new();
    private readonly ClaudeSessionSource _source;

    public ClaudeSessionSourceTests() => _source = new ClaudeSessionSource(new ClaudeSourceOptions { Roots = [_root.Path] });

    public void Dispose() => _root.Dispose();

    private string Projects(params string[] parts) => Path.Combine([_root.Path, "projects", .. parts]);

    [Fact]
    public void A_transcript_in_a_project_folder_is_a_main_session_named_by_its_file()
    {
        string path = Projects("-home-me-app", "fddd7149-6233-4ae1-9c2f-a300b6ad518a.jsonl");

        Assert.True(_source.TryGetSessionFile(path, out SessionFile file));
        Assert.Equal(SessionFileKind.Main, file.Kind);
        Assert.Equal("fddd7149-6233-4ae1-9c2f-a300b6ad518a", file.SessionId);
        Assert.Equal(path, file.Path);
    }

    [Fact]
    public void A_sub_agent_transcript_belongs_to_the_session_folder_it_is_in()
    {
        string path = Projects("-home-me-app", "s1", "subagents", "agent-a1b2.jsonl");

        Assert.True(_source.TryGetSessionFile(path, out SessionFile file));
        Assert.Equal(SessionFileKind.SubAgent, file.Kind);
        Assert.Equal("s1", file.SessionId);
        Assert.Equal("a1b2", file.AgentId);
    }

    [Theory]
    [InlineData("-home-me-app/agent-1234.jsonl")]
    [InlineData("-home-me-app/s1/subagents/agent-a1.meta.json")]
    [InlineData("-home-me-app/s1/tool-results/x.jsonl")]
    [InlineData("-home-me-app/notes.txt")]
    [InlineData("loose.jsonl")]
    public void Other_files_are_ignored(string relative)
    {
        Assert.False(_source.TryGetSessionFile(Projects(relative.Split('/')), out _));
    }

    [Fact]
    public void Transcripts_are_under_projects()
    {
        Assert.Equal([_root.Path], _source.Roots);
        Assert.Equal([Projects()], _source.GetTranscriptDirectories(_root.Path));
        Assert.Equal("claude", _source.Name);
    }

    [Fact]
    public void Default_roots_follow_the_claude_config_dir_variable_or_the_home_folder()
    {
        string home = _root.Path;

        Assert.Equal([Path.Combine(home, ".claude")], ClaudeSessionSource.DefaultRoots(_ => null, home));
        Assert.Equal(
            ["/a/one", "/b/two"],
            ClaudeSessionSource.DefaultRoots(name => name == "CLAUDE_CONFIG_DIR" ? "/a/one, /b/two" : null, home));

        Directory.CreateDirectory(Path.Combine(home, ".config", "claude"));
        Assert.Equal(
            [Path.Combine(home, ".claude"), Path.Combine(home, ".config", "claude")],
            ClaudeSessionSource.DefaultRoots(_ => null, home));
    }

    [LinuxFact]
    public async Task Live_status_files_are_read_and_only_those_of_a_running_process_are_believed()
    {
        string sessions = Path.Combine(_root.Path, "sessions");
        Directory.CreateDirectory(sessions);
        int self = Environment.ProcessId;
        Assert.True(ProcessProbe.TryReadStartTime(self, out ulong start));
        string Status(int pid, string procStart) =>
            $$"""{"pid":{{pid}},"sessionId":"s-{{pid}}","cwd":"/p","procStart":"{{procStart}}","status":"waiting","waitingFor":"dialog open","statusUpdatedAt":1795479868339}""";

        await File.WriteAllTextAsync(Path.Combine(sessions, $"{self}.json"), Status(self, start.ToString(CultureInfo.InvariantCulture)));
        await File.WriteAllTextAsync(Path.Combine(sessions, "1.json"), Status(self, (start + 1).ToString(CultureInfo.InvariantCulture)).Replace($"s-{self}", "s-reused", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(sessions, "2.json"), Status(self, "1")[..40]);

        IReadOnlyList<LiveStatusEntry> entries = await _source.ReadLiveStatusAsync(CancellationToken.None);

        Assert.Equal(2, entries.Count);
        LiveStatusEntry live = Assert.Single(entries, e => e.SessionId == $"s-{self}");
        Assert.Equal(start, live.ProcessStartTicks);
        Assert.Equal(LiveReportState.WaitingForUser, live.State);
        Assert.Equal("dialog open", live.WaitingFor);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795479868339), live.UpdatedAt);

        // The monitor believes a report only while the process table shows its process, started when it says.
        var poller = new LiveStatusPoller([_source], new LinuxProcessScanner(), NullLogger.Instance);
        await poller.RefreshAsync(CancellationToken.None);
        Assert.Equal([$"claude:s-{self}"], poller.Current.Keys);

        // And with process detection off, nothing can tell a live report from a stale one: none is believed.
        var blind = new LiveStatusPoller([_source], null, NullLogger.Instance);
        await blind.RefreshAsync(CancellationToken.None);
        Assert.Empty(blind.Current);
    }

    [Fact]
    public async Task No_sessions_folder_means_no_live_status()
    {
        Assert.Empty(await _source.ReadLiveStatusAsync(CancellationToken.None));
    }

    [Fact]
    public void The_live_status_file_of_a_recording_parses()
    {
        string path = Path.Combine(RealFixture.Root, "claude", "f3_interrupt_permission_dialog_tui", "snapshots", "waiting-dialog", "claude", "sessions", "30167.json");

        Assert.True(ClaudeLiveStatusFile.TryParse(File.ReadAllBytes(path), out LiveStatusEntry? entry));
        Assert.Equal(30167, entry!.Pid);
        Assert.Equal("b972eaed-1700-4c73-b2ec-54de85ef8a64", entry.SessionId);
        Assert.Equal(LiveReportState.WaitingForUser, entry.State);
        Assert.Equal(251491UL, entry.ProcessStartTicks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"pid\":12,\"sessionId\":\"s")]
    [InlineData("{\"sessionId\":\"s\"}")]
    [InlineData("[]")]
    public void A_half_written_or_foreign_live_status_file_does_not_parse(string content)
    {
        Assert.False(ClaudeLiveStatusFile.TryParse(System.Text.Encoding.UTF8.GetBytes(content), out _));
    }
}
