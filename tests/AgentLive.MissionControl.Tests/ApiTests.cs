using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace AgentLive.MissionControl.Tests;

/// <summary>The HTTP API in memory, over temporary roots holding real transcripts of both clients.</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private const string ClaudeId = "claude:2888b61d-42ad-4c69-9f91-e136753c80c6";
    private const string CodexId = "codex:01a20af1-9deb-72a0-b082-b49752aa3a70";

    private readonly TestRoots _roots = new();
    private InMemoryApp _app = null!;

    private HttpClient Client => _app.Client;

    public async Task InitializeAsync() => _app = await InMemoryApp.StartAsync(_roots.Monitor);

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _roots.DisposeAsync();
    }

    [Fact]
    public async Task Sessions_lists_both_sources_in_the_wire_contract()
    {
        using HttpResponseMessage response = await Client.GetAsync("/api/live/sessions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var sessions = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["claude", "codex"], sessions.Select(s => s.GetProperty("source").GetString()!).Order().ToArray());
        Assert.Contains(sessions, s => s.GetProperty("id").GetString() == ClaudeId);
        Assert.Contains(sessions, s => s.GetProperty("id").GetString() == CodexId);
        Assert.All(sessions, s => Assert.True(s.GetProperty("tokens").GetProperty("total").GetInt64() > 0));
    }

    [Fact]
    public async Task One_session_by_id_and_an_unknown_id_is_a_problem_404()
    {
        using JsonDocument session = JsonDocument.Parse(await Client.GetStringAsync($"/api/live/sessions/{Uri.EscapeDataString(CodexId)}"));
        using HttpResponseMessage unknown = await Client.GetAsync("/api/live/sessions/claude:nope");

        Assert.Equal(CodexId, session.RootElement.GetProperty("id").GetString());
        Assert.Equal("codex", session.RootElement.GetProperty("source").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        string body = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("claude:nope", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ClaudeId)]
    [InlineData(CodexId)]
    public async Task Messages_of_a_Claude_and_a_Codex_session(string id)
    {
        using JsonDocument json = JsonDocument.Parse(await Client.GetStringAsync($"/api/live/sessions/{Uri.EscapeDataString(id)}/messages"));

        var messages = json.RootElement.EnumerateArray().ToList();
        Assert.Contains(messages, m => m.GetProperty("role").GetString() == "user");
        Assert.Contains(messages, m => m.GetProperty("role").GetString() == "tool_call");
        Assert.Contains(messages, m => m.GetProperty("role").GetString() == "assistant" && m.GetProperty("text").GetString()!.Length > 0);
    }

    [Fact]
    public async Task Messages_of_an_unknown_session_are_404()
    {
        using HttpResponseMessage response = await Client.GetAsync("/api/live/sessions/codex:nope/messages");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Summary_counts_the_sessions_that_need_you_and_the_tokens_of_both_sources()
    {
        using JsonDocument all = JsonDocument.Parse(await Client.GetStringAsync("/api/live/sessions"));
        using JsonDocument summary = JsonDocument.Parse(await Client.GetStringAsync("/api/live/summary"));

        // The recordings were moved to end a moment ago: every session was active today (UTC and local alike, but
        // for a run in the seconds around midnight).
        var sessions = all.RootElement.EnumerateArray().ToList();
        Assert.Equal(sessions.Count(s => s.GetProperty("status").GetString() == "needs_you"), summary.RootElement.GetProperty("needsYouCount").GetInt32());
        Assert.Equal(sessions.Count(s => s.GetProperty("status").GetString() == "working"), summary.RootElement.GetProperty("workingCount").GetInt32());
        Assert.Equal(sessions.Sum(s => s.GetProperty("tokens").GetProperty("total").GetInt64()), summary.RootElement.GetProperty("totalTokensToday").GetInt64());
        Assert.True(summary.RootElement.GetProperty("totalTokensToday").GetInt64() > 0);
    }

    [Fact]
    public async Task The_page_carries_the_token_and_a_strict_content_security_policy()
    {
        using HttpResponseMessage page = await Client.GetAsync("/");
        using HttpResponseMessage script = await Client.GetAsync("/assets/app.js");
        using HttpResponseMessage traversal = await Client.GetAsync("/assets/..%2F..%2Fetc%2Fpasswd");

        string html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"content=\"{_app.Options.Token}\"", html, StringComparison.Ordinal);
        string csp = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }

    [Fact]
    public async Task A_foreign_host_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/live/sessions");
        request.Headers.Host = "attacker.example";
        using HttpResponseMessage response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Stream_starts_with_a_snapshot_and_then_reports_an_appended_line()
    {
        using HttpResponseMessage response = await OpenStreamAsync(null);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());

        SseEvent snapshot = await events.NextAsync(e => e.Type == "snapshot");
        Assert.NotNull(snapshot.Id);
        await WaitForBothAsync(events, snapshot);

        await TestRoots.AppendClaudeCommandAsync(_roots.ClaudeTranscript, "echo from-the-test");
        SseEvent updated = await events.NextAsync(e => e.Type == "updated" && e.Data.Contains("from-the-test", StringComparison.Ordinal));

        Assert.Contains(ClaudeId, updated.Data, StringComparison.Ordinal);
        Assert.NotNull(updated.Id);
    }

    [Fact]
    public async Task A_client_resuming_with_Last_Event_ID_gets_what_it_missed_and_an_unknown_id_gets_a_resync()
    {
        string lastId;
        using (HttpResponseMessage first = await OpenStreamAsync(null))
        using (var events = new SseReader(await first.Content.ReadAsStreamAsync()))
        {
            SseEvent snapshot = await events.NextAsync(e => e.Type == "snapshot");
            lastId = (await WaitForBothAsync(events, snapshot)).Id!;
        }

        await TestRoots.AppendClaudeCommandAsync(_roots.ClaudeTranscript, "echo while-away");
        await TestRoots.WaitUntilAsync(
            () => _roots.Monitor.GetSessions().Any(s => s.Activity?.Display.Contains("while-away", StringComparison.Ordinal) == true),
            "the monitor to see the appended line");

        using HttpResponseMessage resumed = await OpenStreamAsync(lastId);
        using var again = new SseReader(await resumed.Content.ReadAsStreamAsync());
        SseEvent missed = await again.NextAsync(TestRoots.Patience);
        Assert.NotEqual("snapshot", missed.Type);
        Assert.NotEqual("resync", missed.Type);
        SseEvent update = missed.Data.Contains("while-away", StringComparison.Ordinal)
            ? missed
            : await again.NextAsync(e => e.Data.Contains("while-away", StringComparison.Ordinal));
        Assert.Equal("updated", update.Type);

        using HttpResponseMessage stale = await OpenStreamAsync("another-run-17");
        using var fresh = new SseReader(await stale.Content.ReadAsStreamAsync());
        SseEvent resync = await fresh.NextAsync(TestRoots.Patience);
        Assert.Equal("resync", resync.Type);
        Assert.Contains(ClaudeId, resync.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_without_the_token_or_from_another_origin_is_refused_and_an_unknown_id_is_404()
    {
        string origin = Client.BaseAddress!.GetLeftPart(UriPartial.Authority);

        using HttpResponseMessage noToken = await PostStopAsync(ClaudeId, token: null, origin);
        using HttpResponseMessage foreign = await PostStopAsync(ClaudeId, _app.Options.Token, "http://evil.example");
        using HttpResponseMessage noOrigin = await PostStopAsync(ClaudeId, _app.Options.Token, origin: null);
        using HttpResponseMessage unknown = await PostStopAsync("claude:nope", _app.Options.Token, origin);
        using HttpResponseMessage noProcess = await PostStopAsync(ClaudeId, _app.Options.Token, origin);

        Assert.Equal(HttpStatusCode.Forbidden, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, noProcess.StatusCode);
        Assert.Contains("no_process", await noProcess.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static async Task<HttpResponseMessage> PostStopAsync(HttpClient client, string id, string? token, string? origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/live/sessions/{Uri.EscapeDataString(id)}/stop");
        if (token is not null)
        {
            request.Headers.Add("X-AgentLive-Token", token);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }

    private Task<HttpResponseMessage> PostStopAsync(string id, string? token, string? origin) => PostStopAsync(Client, id, token, origin);

    private async Task<HttpResponseMessage> OpenStreamAsync(string? lastEventId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/live/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        HttpResponseMessage response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>The snapshot, or the discovery events after it, until both recorded sessions were seen; returns the last event.</summary>
    private static async Task<SseEvent> WaitForBothAsync(SseReader events, SseEvent snapshot)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        SseEvent last = snapshot;
        void Note(SseEvent e)
        {
            foreach (string id in new[] { ClaudeId, CodexId })
            {
                if (e.Data.Contains(id, StringComparison.Ordinal))
                {
                    seen.Add(id);
                }
            }
        }

        Note(snapshot);
        while (seen.Count < 2)
        {
            last = await events.NextAsync(e => e.Type is "discovered" or "updated");
            Note(last);
        }

        return last;
    }
}
