using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AgentLive.MissionControl.Tests;

/// <summary>The page in real headless Chromium, served by the real server on loopback over real transcripts.</summary>
public sealed class PageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const string ClaudeId = "claude:2888b61d-42ad-4c69-9f91-e136753c80c6";

    private readonly TestRoots _roots = new();
    private ServedPage _served = null!;
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        _served = await ServedPage.StartAsync(browser, _roots.Monitor);
        _page = _served.Page;
    }

    public async Task DisposeAsync()
    {
        await _served.DisposeAsync();
        await _roots.DisposeAsync();
    }

    [Fact]
    public async Task Cards_of_both_sources_show_their_badges()
    {
        await OpenAsync();

        await Expect(_page.Locator(".card[data-source='claude'] .badge")).ToHaveTextAsync("Claude");
        await Expect(_page.Locator(".card[data-source='codex'] .badge")).ToHaveTextAsync("Codex");
        await Expect(_page.Locator("#conn")).ToHaveAttributeAsync("data-state", "live");
    }

    [Fact]
    public async Task Filtering_by_source_keeps_only_that_source_and_survives_a_reload()
    {
        await OpenAsync();

        await _page.SelectOptionAsync("#f-source", "codex");

        await Expect(_page.Locator(".card[data-source='claude']")).ToHaveCountAsync(0);
        await Expect(_page.Locator(".card[data-source='codex']")).ToHaveCountAsync(1);
        Assert.Contains("source=codex", _page.Url, StringComparison.Ordinal);
        await _page.ReloadAsync();
        await _page.WaitForSelectorAsync("body[data-ready='true']");
        await Expect(_page.Locator("#f-source")).ToHaveValueAsync("codex");
        await Expect(_page.Locator(".card[data-source='claude']")).ToHaveCountAsync(0);
        await Expect(_page.Locator(".card")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_header_and_the_tab_title_show_how_many_sessions_need_you()
    {
        using var http = new HttpClient();
        using JsonDocument summary = JsonDocument.Parse(await http.GetStringAsync(new Uri(_served.Server.Url, "api/live/summary")));
        int needsYou = summary.RootElement.GetProperty("needsYouCount").GetInt32();
        Assert.True(needsYou > 0, "the recordings end with finished turns, which need you");

        await OpenAsync();

        await Expect(_page.Locator("#sum-needs")).ToHaveTextAsync(needsYou.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(_page.Locator(".card[data-needs='true']")).ToHaveCountAsync(needsYou);
        await Expect(_page).ToHaveTitleAsync($"({needsYou}) Mission Control");
        await _page.CheckAsync("#f-needs");
        await Expect(_page.Locator(".card")).ToHaveCountAsync(needsYou);
    }

    [Fact]
    public async Task A_line_appended_to_a_transcript_updates_its_card_without_a_reload()
    {
        await OpenAsync();
        await _page.EvaluateAsync("() => { window.sameDocument = true; }");
        ILocator card = _page.Locator($".card[data-id='{ClaudeId}']");
        await Expect(card).ToBeVisibleAsync();

        await TestRoots.AppendClaudeCommandAsync(_roots.ClaudeTranscript, "echo appended-live");

        await Expect(card.Locator(".activity")).ToContainTextAsync("echo appended-live", new() { Timeout = 10_000 });
        await Expect(card).ToHaveAttributeAsync("data-status", "working");
        Assert.True(await _page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page reloaded");
    }

    [Fact]
    public async Task The_detail_panel_shows_the_messages_and_a_stop_button()
    {
        await OpenAsync();

        await _page.Locator($".card[data-id='{ClaudeId}']").ClickAsync();

        await Expect(_page.Locator("#detail")).ToBeVisibleAsync();
        await Expect(_page.Locator("#d-badge")).ToHaveTextAsync("Claude");
        await Expect(_page.Locator("#d-messages li[data-role='user']").First).ToBeVisibleAsync();
        Assert.True(await _page.Locator("#d-messages li").CountAsync() >= 3);
        await Expect(_page.Locator("#d-stop")).ToBeVisibleAsync();
        await _page.Keyboard.PressAsync("Escape");
        await Expect(_page.Locator("#detail")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Cards_open_from_the_keyboard()
    {
        await OpenAsync();

        await _page.Locator(".card").First.FocusAsync();
        await _page.Keyboard.PressAsync("Enter");

        await Expect(_page.Locator("#detail")).ToBeVisibleAsync();
        await Expect(_page.Locator("#d-messages li").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_session_that_comes_to_need_you_notifies_once_when_notifications_are_on()
    {
        // A stand-in for the browser's Notification API that records what the page shows.
        await _page.AddInitScriptAsync("""
            window.shown = [];
            window.Notification = class { constructor(title, options) { window.shown.push(title); } };
            window.Notification.permission = 'granted';
            window.Notification.requestPermission = async () => 'granted';
            """);
        await OpenAsync();
        ILocator card = _page.Locator($".card[data-id='{ClaudeId}']");
        await Expect(_page.Locator(".card[data-needs='true']").First).ToBeVisibleAsync();
        await _page.ClickAsync("#notify");
        await Expect(_page.Locator("#notify")).ToHaveTextAsync("Notifications on");

        string toolUse = await TestRoots.AppendClaudeCommandAsync(_roots.ClaudeTranscript, "echo working-again");
        await Expect(card).ToHaveAttributeAsync("data-status", "working");
        Assert.Equal(0, await _page.EvaluateAsync<int>("() => window.shown.length"));
        await TestRoots.AppendClaudeTurnEndAsync(_roots.ClaudeTranscript, toolUse);
        await Expect(card).ToHaveAttributeAsync("data-needs", "true");

        string[] shown = await _page.EvaluateAsync<string[]>("() => window.shown");
        Assert.Single(shown);
        Assert.Contains("needs you", shown[0], StringComparison.Ordinal);
        Assert.StartsWith("Claude", shown[0], StringComparison.Ordinal);
    }

    private async Task OpenAsync()
    {
        await _page.GotoAsync(_served.Server.Url.ToString());
        await _page.WaitForSelectorAsync("body[data-ready='true']");
        await Expect(_page.Locator(".card")).ToHaveCountAsync(2);
    }
}
