using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentLive.MissionControl.Tests;

/// <summary>
/// A real agent process that writes no transcript (the stand-in <c>claude</c>, with no grace period), through the API
/// and in real headless Chromium: a session of its own, unknown and not recorded, resting on the process table.
/// </summary>
public sealed class NotRecordedTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly TestRoots _roots = new(copyRecordings: false, detectProcesses: true, configure: o => o.StatusThresholds = new StatusThresholds { NotRecordedAfter = TimeSpan.Zero });
    private Process _agent = null!;

    public async Task InitializeAsync()
    {
        string project = Directory.CreateDirectory(Path.Combine(_roots.Root, "work", "app")).FullName;
        _agent = StopTests.StartAgentProcess(_roots, project);
        await _roots.Monitor.StartAsync();
        await TestRoots.WaitUntilAsync(() => _roots.Monitor.GetSessions().Any(s => s.Pid == _agent.Id), "the agent to show as a session");
    }

    public async Task DisposeAsync()
    {
        if (!_agent.HasExited)
        {
            _agent.Kill();
        }

        _agent.Dispose();
        await _roots.DisposeAsync();
    }

    private LiveSession Session => _roots.Monitor.GetSessions().Single(s => s.Pid == _agent.Id);

    [Fact]
    public async Task The_API_shows_it_as_unknown_not_recorded_with_no_transcript_and_no_messages()
    {
        await using InMemoryApp app = await InMemoryApp.StartAsync(_roots.Monitor);
        string id = Session.Id;

        using JsonDocument session = JsonDocument.Parse(await app.Client.GetStringAsync($"/api/live/sessions/{Uri.EscapeDataString(id)}"));
        using JsonDocument summary = JsonDocument.Parse(await app.Client.GetStringAsync("/api/live/summary"));
        using HttpResponseMessage messages = await app.Client.GetAsync($"/api/live/sessions/{Uri.EscapeDataString(id)}/messages");

        JsonElement s = session.RootElement;
        Assert.StartsWith("claude:pid-", id, StringComparison.Ordinal);
        Assert.Equal("unknown", s.GetProperty("status").GetString());
        Assert.False(s.GetProperty("needsYou").GetBoolean());
        Assert.Equal("not_recorded", s.GetProperty("state").GetProperty("kind").GetString());
        Assert.Equal("process_tree", s.GetProperty("state").GetProperty("evidence").GetString());
        Assert.Equal(string.Empty, s.GetProperty("filePath").GetString());
        Assert.Equal(_agent.Id, s.GetProperty("pid").GetInt32());
        Assert.True(summary.RootElement.GetProperty("unknownCount").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.OK, messages.StatusCode);
        Assert.Equal("[]", (await messages.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task The_page_shows_its_badge_its_label_and_what_it_rests_on_and_filters_it_as_unknown()
    {
        await using ServedPage served = await ServedPage.StartAsync(browser, _roots.Monitor);
        IPage page = served.Page;
        await page.GotoAsync(served.Server.Url.ToString());
        ILocator card = page.Locator($".card[data-id='{Session.Id}']");

        await Expect(card).ToHaveAttributeAsync("data-status", "unknown");
        await Expect(card.Locator(".status")).ToHaveTextAsync("unknown");
        await Expect(card.Locator(".flag")).ToHaveTextAsync("not recorded");
        await Expect(card.Locator(".state")).ToHaveTextAsync("No transcript: the agent runs but writes none");
        await Expect(page.Locator("#sum-unknown")).Not.ToHaveTextAsync("0");

        await page.SelectOptionAsync("#f-status", "unknown");
        await Expect(card).ToBeVisibleAsync();
        Assert.Contains("status=unknown", page.Url, StringComparison.Ordinal);

        await card.ClickAsync();
        await Expect(page.Locator("#d-evidence")).ToHaveTextAsync("based on: process table");
        await Expect(page.Locator("#d-meta")).ToContainTextAsync("not recorded");
        await Expect(page.Locator("#d-stop")).ToBeEnabledAsync();
    }
}

/// <summary>
/// The page in real headless Chromium fed a snapshot in the wire contract (the stream answered by the test): states
/// the transcripts at hand cannot produce on demand, each with its badge, its place in the order, and in the detail
/// panel what it rests on and its sub-agents.
/// </summary>
public sealed class StatePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string Snapshot = """
        {"sessions":[
          {"id":"claude:delegating","source":"claude","sourceSessionId":"delegating","filePath":"/p/d.jsonl","projectPath":"/p/webshop","projectName":"webshop","gitBranch":null,
           "status":"working","needsYou":false,"state":{"kind":"delegating","label":"Waiting for a sub-agent: explore the code","evidence":"transcript, live_report"},
           "activity":{"tool":"Bash","target":"sleep 10","description":null,"display":"Bash: sleep 10"},"title":"Find the bug","lastUserMessage":null,"turnCount":1,"model":"claude-opus-4-5",
           "tokens":{"input":1,"output":1,"cacheRead":0,"cacheCreation":0,"reasoning":0,"total":2},"contextWindowTokens":null,"contextWindowSize":null,"costUsd":null,
           "startedAt":"2026-11-24T10:00:00.000Z","lastActivityAt":"2026-11-24T10:05:00.000Z","pid":41,"parentSessionId":null,
           "subAgents":[
             {"id":"a1","agentId":"a1","agentType":"Explore","description":"explore the code","status":"running","isRunning":true,"activity":{"tool":"Bash","target":"sleep 10","description":null,"display":"Bash: sleep 10"},"startedAt":"2026-11-24T10:01:00.000Z","tokens":{"input":1000,"output":500,"cacheRead":0,"cacheCreation":0,"reasoning":0,"total":1500}},
             {"id":"a2","agentId":"a2","agentType":"general-purpose","description":"read the docs","status":"completed","isRunning":false,"activity":null,"startedAt":"2026-11-24T10:00:30.000Z","tokens":{"input":10,"output":5,"cacheRead":0,"cacheCreation":0,"reasoning":0,"total":15}}]},
          {"id":"codex:pid-42-9000","source":"codex","sourceSessionId":"pid-42-9000","filePath":"","projectPath":"/p/api","projectName":"api","gitBranch":null,
           "status":"unknown","needsYou":false,"state":{"kind":"not_recorded","label":"Not recorded — the agent reports: working","evidence":"live_report, process_tree"},
           "activity":null,"title":null,"lastUserMessage":null,"turnCount":0,"model":null,
           "tokens":{"input":0,"output":0,"cacheRead":0,"cacheCreation":0,"reasoning":0,"total":0},"contextWindowTokens":null,"contextWindowSize":null,"costUsd":null,
           "startedAt":"2026-11-24T09:00:00.000Z","lastActivityAt":null,"pid":42,"parentSessionId":null,"subAgents":[]},
          {"id":"claude:asks","source":"claude","sourceSessionId":"asks","filePath":"/p/a.jsonl","projectPath":"/p/docs","projectName":"docs","gitBranch":null,
           "status":"needs_you","needsYou":true,"state":{"kind":"awaiting_input","label":"Asking you a question","evidence":"live_report"},
           "activity":null,"title":null,"lastUserMessage":null,"turnCount":1,"model":null,
           "tokens":{"input":0,"output":0,"cacheRead":0,"cacheCreation":0,"reasoning":0,"total":0},"contextWindowTokens":null,"contextWindowSize":null,"costUsd":null,
           "startedAt":"2026-11-24T08:00:00.000Z","lastActivityAt":"2026-11-24T08:00:00.000Z","pid":43,"parentSessionId":null,"subAgents":[]}],
         "summary":{"needsYouCount":1,"workingCount":1,"doneCount":0,"unknownCount":1,"totalTokensToday":2,"totalCostTodayUsd":0}}
        """;

    private readonly TestRoots _roots = new(copyRecordings: false);
    private ServedPage _served = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _served = await ServedPage.StartAsync(browser, _roots.Monitor);
        _page = _served.Page;
        string data = JsonSerializer.Serialize(JsonDocument.Parse(Snapshot).RootElement);
        await _page.RouteAsync("**/api/live/stream", route => route.FulfillAsync(new() { Status = 200, ContentType = "text/event-stream", Body = $"event: snapshot\ndata: {data}\n\n" }));
        await _page.RouteAsync("**/messages", route => route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = "[]" }));
        await _page.GotoAsync(_served.Server.Url.ToString());
        await _page.WaitForSelectorAsync("body[data-ready='true']");
    }

    public async Task DisposeAsync()
    {
        await _served.DisposeAsync();
        await _roots.DisposeAsync();
    }

    [Fact]
    public async Task Unknown_sorts_after_needs_you_and_before_work_and_each_state_has_its_badge_and_the_header_counts_it()
    {
        await Expect(_page.Locator(".card")).ToHaveCountAsync(3);
        string[] order = await _page.Locator(".card").EvaluateAllAsync<string[]>("cards => cards.map(c => c.dataset.id)");

        Assert.Equal(["claude:asks", "codex:pid-42-9000", "claude:delegating"], order);
        ILocator delegating = _page.Locator(".card[data-id='claude:delegating']");
        await Expect(delegating.Locator(".status")).ToHaveTextAsync("working");
        await Expect(delegating.Locator(".flag")).ToHaveTextAsync("delegating");
        await Expect(delegating.Locator(".state")).ToHaveTextAsync("Waiting for a sub-agent: explore the code");
        ILocator unrecorded = _page.Locator(".card[data-id='codex:pid-42-9000']");
        await Expect(unrecorded).ToHaveAttributeAsync("data-status", "unknown");
        await Expect(unrecorded.Locator(".flag")).ToHaveTextAsync("not recorded");
        await Expect(unrecorded.Locator(".state")).ToHaveTextAsync("Not recorded — the agent reports: working");
        await Expect(_page.Locator(".card[data-id='claude:asks'] .flag")).ToBeHiddenAsync();
        await Expect(_page.Locator("#sum-unknown")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task The_detail_panel_shows_what_the_state_rests_on_and_each_sub_agent()
    {
        await _page.Locator(".card[data-id='claude:delegating']").ClickAsync();

        await Expect(_page.Locator("#d-evidence")).ToHaveTextAsync("based on: transcript + live report");
        ILocator agents = _page.Locator("#d-subagents li");
        await Expect(agents).ToHaveCountAsync(2);
        await Expect(agents.Nth(0).Locator(".name")).ToHaveTextAsync("Explore — explore the code");
        await Expect(agents.Nth(0).Locator(".status")).ToHaveTextAsync("running");
        await Expect(agents.Nth(0).Locator(".activity")).ToHaveTextAsync("▸ Bash: sleep 10");
        await Expect(agents.Nth(0).Locator(".tokens")).ToHaveTextAsync("1.5k tok");
        await Expect(agents.Nth(1).Locator(".status")).ToHaveTextAsync("completed");
        await Expect(agents.Nth(1).Locator(".activity")).ToHaveCountAsync(0);

        // A session with no sub-agents shows no list; one resting on the process table says so.
        await _page.Keyboard.PressAsync("Escape");
        await _page.Locator(".card[data-id='codex:pid-42-9000']").ClickAsync();
        await Expect(_page.Locator("#d-subagents")).ToBeHiddenAsync();
        await Expect(_page.Locator("#d-evidence")).ToHaveTextAsync("based on: live report + process table");
    }
}
