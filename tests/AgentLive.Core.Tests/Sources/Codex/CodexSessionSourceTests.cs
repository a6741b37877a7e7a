using AgentLive.Sources;
using AgentLive.Sources.Codex;

namespace AgentLive.Tests.Sources.Codex;

public sealed class CodexSessionSourceTests
{
    private readonly CodexSessionSource _source = new(new CodexSourceOptions { Roots = ["/home/me/.codex"] });

    [Theory]
    [InlineData("/home/me/.codex/sessions/2026/11/23/rollout-2026-11-23T19-25-35-01a20af1-99d0-76b3-a923-f0d4d79a3081.jsonl", "01a20af1-99d0-76b3-a923-f0d4d79a3081")]
    [InlineData("/home/me/.codex/archived_sessions/rollout-2025-09-10T12-34-56-5973b6c0-94b8-487b-a530-2aeb6098ae0e.jsonl", "5973b6c0-94b8-487b-a530-2aeb6098ae0e")]
    [InlineData("/home/me/.codex/sessions/2026/11/24/rollout-2026-11-24T00-25-36-01a20af1-9deb-72a0-b082-b49752aa3a70_r2.jsonl", "01a20af1-9deb-72a0-b082-b49752aa3a70")]
    [InlineData("/home/me/.codex/sessions/2026/11/24/rollout-odd.jsonl", "odd")]
    public void Rollouts_are_sessions_named_by_the_thread_id_in_their_file_name(string path, string id)
    {
        Assert.True(_source.TryGetSessionFile(path, out SessionFile file));
        Assert.Equal(id, file.SessionId);
        Assert.Equal(SessionFileKind.Main, file.Kind);
    }

    [Theory]
    [InlineData("/home/me/.codex/history.jsonl")]
    [InlineData("/home/me/.codex/session_index.jsonl")]
    [InlineData("/home/me/.codex/sessions/2026/11/24/rollout-2026-11-24T00-25-36-x.jsonl.zst")]
    public void Other_files_are_ignored(string path) => Assert.False(_source.TryGetSessionFile(path, out _));

    [Fact]
    public void Transcripts_are_the_sessions_and_archived_sessions_trees()
    {
        Assert.Equal("codex", _source.Name);
        Assert.Equal(["/home/me/.codex/sessions", "/home/me/.codex/archived_sessions"], _source.GetTranscriptDirectories("/home/me/.codex"));
    }

    [Fact]
    public void The_default_root_is_codex_home_or_the_home_folder()
    {
        Assert.Equal(["/home/me/.codex"], CodexSessionSource.DefaultRoots(_ => null, "/home/me"));
        Assert.Equal(["/data/codex"], CodexSessionSource.DefaultRoots(n => n == "CODEX_HOME" ? "/data/codex" : null, "/home/me"));
    }

    [Fact]
    public async Task Codex_keeps_no_live_status()
    {
        Assert.Empty(await _source.ReadLiveStatusAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("node", new[] { "node", "/opt/agents/node_modules/.bin/codex", "exec", "hi" }, AgentProcessRole.Launcher)]
    [InlineData("node", new[] { "node", "/usr/lib/node_modules/@openai/codex/bin/codex.js" }, AgentProcessRole.Launcher)]
    [InlineData("codex", new[] { "/opt/x/vendor/bin/codex" }, AgentProcessRole.Agent)]
    [InlineData("codex", new[] { "/opt/x/vendor/bin/codex", "exec", "--json", "Run" }, AgentProcessRole.Agent)]
    [InlineData("codex", new[] { "/opt/x/vendor/bin/codex", "resume", "01a20af2" }, AgentProcessRole.Agent)]
    [InlineData("codex", new[] { "/h/.codex/packages/app-server-daemon/releases/0.169.0/bin/codex", "app-server", "--listen", "unix://", "--managed-daemon" }, AgentProcessRole.Daemon)]
    [InlineData("codex", new[] { "/h/.codex/bin/codex", "app-server", "daemon", "pid-update-loop" }, AgentProcessRole.Daemon)]
    [InlineData("codex-code-mode", new[] { "/opt/x/bin/codex-code-mode-host", "--listen", "grpc+stdio://" }, AgentProcessRole.Helper)]
    [InlineData("codex", new[] { "/opt/x/bin/codex", "mcp-server" }, AgentProcessRole.Helper)]
    [InlineData("bash", new[] { "/bin/bash", "-c", "sleep 15" }, AgentProcessRole.None)]
    [InlineData("node", new[] { "node", "server.js" }, AgentProcessRole.None)]
    public void Processes_are_classified_from_their_command_line(string comm, string[] argv, AgentProcessRole role) =>
        Assert.Equal(role, CodexProcessClassifier.Classify(comm, argv));
}
