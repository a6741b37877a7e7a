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
        _agent = await StartAgentAsync(_roots, _project);
        _app = await InMemoryApp.StartAsync(_roots.Monitor);
    }

    /// <summary>Starts the stand-in agent in <paramref name="project"/> and writes its session's transcript, begun now
    /// with a tool call running.</summary>
    internal static async Task<Process> StartAgentAsync(TestRoots roots, string project)
    {
        Process agent = StartAgentProcess(roots, project);

        string folder = Path.Combine(roots.ClaudeRoot, "projects", "-work-app");
        Directory.CreateDirectory(folder);
        string now = DateTimeOffset.UtcNow.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        string cwd = JsonSerializer.Serialize(project);
        await File.WriteAllLinesAsync(Path.Combine(folder, "s1.jsonl"),
        [
            $$$"""{"type":"user","message":{"role":"user","content":"Run it"},"timestamp":"{{{now}}}","sessionId":"s1","cwd":{{{cwd}}}}""",
            $$$"""{"type":"assistant","message":{"id":"m1","role":"assistant","model":"claude-sonnet-4-5","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{"command":"sleep 300"}}],"stop_reason":"tool_use","usage":{"input_tokens":1,"output_tokens":1}},"timestamp":"{{{now}}}","sessionId":"s1","cwd":{{{cwd}}}}""",
        ]);
        return agent;
    }

    /// <summary>Starts the stand-in agent in <paramref name="project"/>, with no transcript.</summary>
    internal static Process StartAgentProcess(TestRoots roots, string project)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Fail("a real agent process is tested on Linux (the process table is /proc)");
            throw new PlatformNotSupportedException();
        }

        string binary = Path.Combine(roots.Root, "bin", "claude");
        Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
        File.Copy("/bin/sleep", binary);
        File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return Process.Start(new ProcessStartInfo(binary, "300") { WorkingDirectory = project, UseShellExecute = false })!;
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

/// <summary>The stop button in the page, in real headless Chromium: confirmation, then the token and the page's own
/// origin carry the request, and the stand-in agent stops.</summary>
public sealed class StopPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly TestRoots _roots = new(copyRecordings: false, detectProcesses: true);
    private Process? _agent;
    private MissionControlHost _server = null!;

    public async Task InitializeAsync()
    {
        string project = Path.Combine(_roots.Root, "work", "app");
        Directory.CreateDirectory(project);
        _agent = await StopTests.StartAgentAsync(_roots, project);
        _server = await MissionControlServer.StartAsync(_roots.Monitor, new MissionControlOptions { Output = TextWriter.Null }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        if (_agent is { HasExited: false })
        {
            _agent.Kill();
        }

        _agent?.Dispose();
        await _roots.DisposeAsync();
    }

    [Fact]
    public async Task Stop_asks_first_and_then_stops_the_agent()
    {
        await TestRoots.WaitUntilAsync(() => _roots.Monitor.GetSessions().Any(s => s.Pid == _agent!.Id), "the agent process to be matched to its session");
        await using Microsoft.Playwright.IBrowserContext context = await browser.Browser.NewContextAsync();
        Microsoft.Playwright.IPage page = await context.NewPageAsync();
        await page.GotoAsync(_server.Url.ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']");
        await page.Locator(".card[data-id='claude:s1']").ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#d-stop")).ToBeEnabledAsync();

        await page.ClickAsync("#d-stop");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        await page.ClickAsync("#c-cancel");
        Assert.False(_agent!.HasExited);
        await page.ClickAsync("#d-stop");
        await page.ClickAsync("#c-ok");

        await Microsoft.Playwright.Assertions.Expect(page.Locator("#d-result")).ToContainTextAsync("stopped");
        Assert.True(_agent.WaitForExit(TestRoots.Patience), "the agent process is still running");
    }
}
