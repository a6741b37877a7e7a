using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AgentLive.MissionControl.Tests;

/// <summary>
/// The stop route against a real child process standing in for an agent: a copy of <c>sleep</c> named <c>claude</c>
/// (so the process table calls it an agent) running in the project directory of a Claude transcript.
/// </summary>
public sealed class StopTests : IAsyncLifetime
{
    private readonly TestRoots _roots = new(copyRecordings: false, detectProcesses: true);
    private readonly string _project;
    private Process? _agent;
    private InMemoryApp _app = null!;

    public StopTests()
    {
        _project = Path.Combine(_roots.Root, "work", "app");
        Directory.CreateDirectory(_project);
    }

    public async Task InitializeAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Fail("stopping a real process is tested on Linux (the process table is /proc)");
            return;
        }

        string binary = Path.Combine(_roots.Root, "bin", "claude");
        Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
        File.Copy("/bin/sleep", binary);
        File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _agent = Process.Start(new ProcessStartInfo(binary, "300") { WorkingDirectory = _project, UseShellExecute = false })!;

        string folder = Path.Combine(_roots.ClaudeRoot, "projects", "-work-app");
        Directory.CreateDirectory(folder);
        string now = DateTimeOffset.UtcNow.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        string cwd = JsonSerializer.Serialize(_project);
        await File.WriteAllLinesAsync(Path.Combine(folder, "s1.jsonl"),
        [
            $$$"""{"type":"user","message":{"role":"user","content":"Run it"},"timestamp":"{{{now}}}","sessionId":"s1","cwd":{{{cwd}}}}""",
            $$$"""{"type":"assistant","message":{"id":"m1","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{"command":"sleep 300"}}],"stop_reason":"tool_use","usage":{"input_tokens":1,"output_tokens":1}},"timestamp":"{{{now}}}","sessionId":"s1","cwd":{{{cwd}}}}""",
        ]);
        _app = await InMemoryApp.StartAsync(_roots.Monitor);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        if (_agent is { HasExited: false })
        {
            _agent.Kill();
        }

        _agent?.Dispose();
        await _roots.DisposeAsync();
    }

    [Fact]
    public async Task With_the_token_and_the_page_origin_the_agent_process_is_stopped()
    {
        await TestRoots.WaitUntilAsync(() => _roots.Monitor.GetSessions().Any(s => s.Pid == _agent!.Id), "the agent process to be matched to its session");
        string origin = _app.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);

        using HttpResponseMessage refused = await ApiTests.PostStopAsync(_app.Client, "claude:s1", token: "wrong", origin);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(_agent!.HasExited);

        using HttpResponseMessage response = await ApiTests.PostStopAsync(_app.Client, "claude:s1", _app.Options.Token, origin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("stopped", body.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(_agent.Id, body.RootElement.GetProperty("pid").GetInt32());
        Assert.True(_agent.WaitForExit(TestRoots.Patience), "the agent process is still running");
    }
}
