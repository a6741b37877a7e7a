using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AgentLive.MissionControl.Tests;

/// <summary>
/// The page with 500 sessions (250 copies of a real Claude transcript, 250 of a real Codex rollout): every card is
/// rendered, and 100 appended lines reach their cards. The timings are measured and reported, not asserted.
/// </summary>
public sealed class ScaleTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private const int PerSource = 250;
    private const int Updates = 100;

    private readonly TestRoots _roots = new(copyRecordings: false);
    private readonly List<string> _claudeFiles = [];
    private MissionControlHost _server = null!;

    public async Task InitializeAsync()
    {
        string claude = File.ReadAllText(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Roots", "claude"), "*.jsonl", SearchOption.AllDirectories).Single());
        string codex = File.ReadAllText(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Roots", "codex"), "*.jsonl", SearchOption.AllDirectories).Single());
        DateTimeOffset now = DateTimeOffset.UtcNow;
        for (int i = 0; i < PerSource; i++)
        {
            string project = Path.Combine(_roots.ClaudeRoot, "projects", $"-work-project-{i:000}");
            Directory.CreateDirectory(project);
            string path = Path.Combine(project, $"{Guid.NewGuid()}.jsonl");
            await File.WriteAllTextAsync(path, TestRoots.Retime(claude, now.AddSeconds(-i)));
            _claudeFiles.Add(path);

            string day = Path.Combine(_roots.CodexRoot, "sessions", now.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(day);
            await File.WriteAllTextAsync(
                Path.Combine(day, $"rollout-{now:yyyy-MM-dd'T'HH-mm-ss}-{Guid.NewGuid()}.jsonl"),
                TestRoots.Retime(codex, now.AddSeconds(-i)));
        }

        _server = await MissionControlServer.StartAsync(_roots.Monitor, new MissionControlOptions { Output = TextWriter.Null }, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _roots.DisposeAsync();
    }

    [Fact]
    public async Task Five_hundred_sessions_render_and_a_hundred_updates_reach_their_cards()
    {
        Assert.Equal(2 * PerSource, _roots.Monitor.GetSessions().Count);
        await using IBrowserContext context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1600, Height = 1000 } });
        IPage page = await context.NewPageAsync();

        var clock = Stopwatch.StartNew();
        await page.GotoAsync(_server.Url.ToString());
        await Expect(page.Locator(".card")).ToHaveCountAsync(2 * PerSource, new() { Timeout = 60_000 });
        TimeSpan firstRender = clock.Elapsed;
        JsonElement afterSnapshot = await page.EvaluateAsync<JsonElement>("() => window.missionControl.stats");
        await page.EvaluateAsync("() => { window.missionControl.stats.maxFlushMs = 0; window.missionControl.stats.flushes = 0; }");

        clock.Restart();
        foreach (string file in _claudeFiles.Take(Updates))
        {
            await TestRoots.AppendClaudeCommandAsync(file, "echo bench-" + Path.GetFileNameWithoutExtension(file)[..8]);
        }

        await page.WaitForFunctionAsync(
            $"() => [...document.querySelectorAll('.card .activity')].filter(e => e.textContent.includes('bench-')).length === {Updates}",
            null,
            new() { Timeout = 60_000, PollingInterval = 20 });
        TimeSpan updatesVisible = clock.Elapsed;
        JsonElement afterUpdates = await page.EvaluateAsync<JsonElement>("() => window.missionControl.stats");

        string report = string.Create(CultureInfo.InvariantCulture, $"""
            500 sessions (250 Claude, 250 Codex), headless Chromium {browser.Browser.Version}:
              navigation to 500 cards rendered: {firstRender.TotalMilliseconds:F0} ms (snapshot parse {afterSnapshot.GetProperty("snapshotParseMs").GetDouble():F1} ms, its DOM flush {afterSnapshot.GetProperty("snapshotRenderMs").GetDouble():F1} ms)
              100 lines appended to 100 transcripts until all 100 cards show them: {updatesVisible.TotalMilliseconds:F0} ms (monitor polling every 200 ms included)
              page work for those updates: {afterUpdates.GetProperty("flushes").GetInt32()} frames, longest {afterUpdates.GetProperty("maxFlushMs").GetDouble():F1} ms
            """);
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "scale-report.txt"), report);
        await Expect(page.Locator(".card")).ToHaveCountAsync(2 * PerSource);
    }
}
