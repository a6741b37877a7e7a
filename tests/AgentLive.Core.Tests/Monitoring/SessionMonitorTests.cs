using System.Text.Json;
using AgentLive.Tests.Infrastructure;

namespace AgentLive.Tests.Monitoring;

public sealed class SessionMonitorTests
{
    private static readonly RealFixture ClaudeTool = RealFixture.Load("claude", "b_tool_echo");
    private static readonly RealFixture CodexTool = RealFixture.Load("codex", "b_tool_echo");

    [Fact]
    public async Task A_transcript_replayed_line_by_line_is_discovered_once_updated_in_order_and_completed_after_the_grace_period()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 23, 5, TimeSpan.Zero));
        byte[][] lines = [.. RealFixture.Lines(ClaudeTool.Transcript)];
        string path = harness.Claude.PlaceFor(ClaudeTool);
        await MonitorHarness.AppendAsync(path, lines.Take(3));

        SessionDiscovered discovered = await harness.WaitForAsync<SessionDiscovered>();
        Assert.Equal("claude:2888b61d-42ad-4c69-9f91-e136753c80c6", discovered.Session.Id);
        Assert.Equal(SessionStatus.Working, discovered.Session.Status);
        Assert.Equal("proj", discovered.Session.ProjectName);

        for (int i = 3; i < lines.Length; i++)
        {
            await MonitorHarness.AppendAsync(path, [lines[i]]);
            await harness.ReconcileAsync();
        }

        JsonElement usage = ClaudeTool.Expected.GetProperty("server_usage_totals_main_requests");
        long expectedTotal = usage.GetProperty("input_tokens").GetInt64() + usage.GetProperty("output_tokens").GetInt64()
            + usage.GetProperty("cache_creation_input_tokens").GetInt64() + usage.GetProperty("cache_read_input_tokens").GetInt64();
        SessionUpdated last = await harness.WaitForAsync<SessionUpdated>(u => u.Session.Tokens.Total == expectedTotal && u.Session.State.Kind == AgentStateKind.SessionEnded, advance: false);
        Assert.Equal(SessionStatus.Done, last.Session.Status);
        Assert.Equal(1, last.Session.TurnCount);
        Assert.Equal("feature/fixture-b", last.Session.GitBranch);

        // Updates only ever move forward: the token total never goes back.
        long[] totals = [.. harness.Seen.OfType<SessionUpdated>().Select(u => u.Session.Tokens.Total)];
        Assert.Equal(totals.Order(), totals);
        Assert.Single(harness.Seen.OfType<SessionDiscovered>());

        harness.Time.Advance(harness.Options.CompletedGracePeriod);
        await harness.ReconcileAsync();
        SessionCompleted completed = await harness.WaitForAsync<SessionCompleted>(advance: false);
        Assert.Equal(discovered.Session.Id, completed.Session.Id);
        Assert.Empty(harness.Monitor.GetSessions());
    }

    [Fact]
    public async Task Claude_and_codex_sessions_are_monitored_side_by_side()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 25, 40, TimeSpan.Zero));
        harness.Claude.Copy(ClaudeTool);
        harness.Codex.Copy(CodexTool);

        await harness.Monitor.StartAsync();

        Assert.Equal(["claude:2888b61d-42ad-4c69-9f91-e136753c80c6", "codex:01a20af1-9deb-72a0-b082-b49752aa3a70"], harness.Monitor.GetSessions().Select(s => s.Id));
        LiveSession codex = harness.Monitor.GetSessions()[1];
        Assert.Equal("codex", codex.Source);
        Assert.Equal("gpt-6.1-sol", codex.Model);
        Assert.Equal(4949, codex.Tokens.Total);
        Assert.Equal(AgentStateKind.TaskComplete, codex.State.Kind);
    }

    [Fact]
    public async Task A_new_subscriber_gets_every_current_session_then_the_summary_then_live_events()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 25, 40, TimeSpan.Zero));
        harness.Claude.Copy(ClaudeTool);
        harness.Codex.Copy(CodexTool);

        SummaryChanged summary = await harness.WaitForAsync<SummaryChanged>(advance: false);
        Assert.Equal(["claude", "codex"], harness.Seen.OfType<SessionDiscovered>().Select(d => d.Session.Source));
        // Claude's print run has exited (done); Codex's finished turn waits for the user.
        Assert.Equal(1, summary.Summary.NeedsYouCount);
        Assert.Equal(0, summary.Summary.WorkingCount);
        Assert.Equal(16091 + 4949, summary.Summary.TotalTokensToday);

        string late = harness.Codex.PlaceFor(RealFixture.Load("codex", "a_text"));
        File.Copy(RealFixture.Load("codex", "a_text").Transcript, late);
        SessionDiscovered third = await harness.WaitForAsync<SessionDiscovered>();
        Assert.Equal("codex:01a20af1-99d0-76b3-a923-f0d4d79a3081", third.Session.Id);
        Assert.Equal(3, harness.Seen.OfType<SessionDiscovered>().Select(d => d.Session.Id).Distinct().Count());
        Assert.Equal(3, harness.Seen.OfType<SessionDiscovered>().Count());
    }

    [Fact]
    public async Task File_watching_delivers_appends_without_the_reconcile()
    {
        await using var harness = new MonitorHarness(o => o.UsePolling = false, now: new DateTimeOffset(2026, 11, 24, 0, 23, 5, TimeSpan.Zero));
        byte[][] lines = [.. RealFixture.Lines(ClaudeTool.Transcript)];
        string path = harness.Claude.PlaceFor(ClaudeTool);
        await MonitorHarness.AppendAsync(path, lines.Take(3));
        await harness.WaitForAsync<SessionDiscovered>(advance: true);

        await MonitorHarness.AppendAsync(path, lines.Skip(3));

        // The clock never moves: only a notification can bring the update.
        SessionUpdated done = await harness.WaitForAsync<SessionUpdated>(u => u.Session.State.Kind == AgentStateKind.SessionEnded, advance: false);
        Assert.Equal(1, done.Session.TurnCount);
    }

    [Fact]
    public async Task A_watcher_overflow_triggers_an_immediate_full_rescan()
    {
        // Watchers that see nothing of the roots (they watch an empty folder): only the rescan can find the transcript.
        using var decoy = new TempDirectory();
        var watchers = new System.Collections.Concurrent.ConcurrentBag<FaultyWatcher>();
        await using var harness = new MonitorHarness(
            o => o.UsePolling = false,
            now: new DateTimeOffset(2026, 11, 24, 0, 25, 40, TimeSpan.Zero),
            watchers: directory =>
            {
                var watcher = new FaultyWatcher(decoy.Path, watches: directory);
                watchers.Add(watcher);
                return watcher;
            });
        await harness.Monitor.StartAsync();
        harness.Codex.Copy(CodexTool);

        // The clock never moves, so no safety-net tick runs: the error alone must bring the rescan.
        watchers.First(w => w.Watches == harness.Codex.Path).RaiseError(new InternalBufferOverflowException());

        SessionDiscovered found = await harness.WaitForAsync<SessionDiscovered>(d => d.Session.Source == "codex", advance: false);
        Assert.Equal("codex:01a20af1-9deb-72a0-b082-b49752aa3a70", found.Session.Id);
        Assert.Contains(harness.Logs.Entries, e => e.Id.Id == 3001);
    }

    [Fact]
    public async Task A_root_created_after_start_is_picked_up()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 25, 40, TimeSpan.Zero));
        Directory.Delete(harness.Codex.Path);
        await harness.Monitor.StartAsync();
        Assert.Empty(harness.Monitor.GetSessions());

        Directory.CreateDirectory(harness.Codex.Path);
        harness.Codex.Copy(CodexTool);

        await harness.WaitForAsync<SessionDiscovered>(d => d.Session.Source == "codex");
    }

    [Fact]
    public async Task A_deleted_transcript_completes_its_session()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 25, 40, TimeSpan.Zero));
        string path = harness.Codex.Copy(CodexTool);
        await harness.WaitForAsync<SessionDiscovered>(advance: false);

        File.Delete(path);

        SessionCompleted completed = await harness.WaitForAsync<SessionCompleted>();
        Assert.Equal("codex:01a20af1-9deb-72a0-b082-b49752aa3a70", completed.Session.Id);
    }

    [Fact]
    public async Task A_transcript_rewritten_smaller_is_read_again_from_the_start()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 26, 30, TimeSpan.Zero));
        RealFixture resume = RealFixture.Load("claude", "d_resume");
        string path = harness.Claude.Copy(resume);
        SessionDiscovered before = await harness.WaitForAsync<SessionDiscovered>(advance: false);
        Assert.Equal(3, before.Session.TurnCount);

        // Rewritten in place to the first prompt's lines only (Claude Code rewrites transcripts smaller since 2.1.208).
        File.WriteAllBytes(path, File.ReadAllBytes(resume.TranscriptAt("after-p1")!));

        SessionUpdated after = await harness.WaitForAsync<SessionUpdated>(u => u.Session.TurnCount == 1);
        Assert.Equal(before.Session.Id, after.Session.Id);
    }

    [Fact]
    public async Task Transcripts_older_than_the_look_back_are_read_only_once_they_change()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 25, 40, TimeSpan.Zero));
        byte[][] lines = [.. RealFixture.Lines(CodexTool.Transcript)];
        string path = harness.Codex.PlaceFor(CodexTool);
        await MonitorHarness.AppendAsync(path, lines.Take(lines.Length - 1));
        File.SetLastWriteTimeUtc(path, harness.Time.GetUtcNow().UtcDateTime.AddDays(-3));

        await harness.Monitor.StartAsync();
        Assert.Empty(harness.Monitor.GetSessions());

        await MonitorHarness.AppendAsync(path, lines.Skip(lines.Length - 1));
        await harness.ReconcileAsync();
        SessionDiscovered woken = await harness.WaitForAsync<SessionDiscovered>(advance: false);

        // Read from the start: the whole state, not only the appended line.
        Assert.Equal(4949, woken.Session.Tokens.Total);
        Assert.Equal(1, woken.Session.TurnCount);
    }

    [Fact]
    public async Task A_slow_subscriber_gets_merged_updates_in_bounded_memory_and_the_latest_state()
    {
        await using var harness = new MonitorHarness(o => o.SubscriberQueueCapacity = 4, now: new DateTimeOffset(2026, 11, 24, 0, 23, 5, TimeSpan.Zero));
        byte[][] lines = [.. RealFixture.Lines(ClaudeTool.Transcript)];
        string path = harness.Claude.PlaceFor(ClaudeTool);
        await MonitorHarness.AppendAsync(path, lines.Take(3));
        await harness.Monitor.StartAsync();
        IAsyncEnumerator<SessionEvent> slow = harness.Monitor.WatchAsync().GetAsyncEnumerator();
        Assert.True(await slow.MoveNextAsync());
        LiveSession seen = Assert.IsType<SessionDiscovered>(slow.Current).Session;

        // A fast subscriber reads everything as it comes, while the slow one does not read at all.
        using var stop = new CancellationTokenSource();
        var fast = new System.Collections.Concurrent.ConcurrentQueue<SessionEvent>();
        var subscribed = new TaskCompletionSource();
        Task fastReader = Task.Run(async () =>
        {
            await foreach (SessionEvent item in harness.Monitor.WatchAsync(stop.Token))
            {
                fast.Enqueue(item);
                subscribed.TrySetResult();
            }
        });
        await subscribed.Task.WaitAsync(MonitorHarness.Patience);
        for (int i = 3; i < lines.Length; i++)
        {
            await MonitorHarness.AppendAsync(path, [lines[i]]);
            await harness.ReconcileAsync();
        }

        var drained = new List<SessionEvent>();
        while (drained.Count < 100 && await slow.MoveNextAsync().AsTask().WaitAsync(MonitorHarness.Patience))
        {
            drained.Add(slow.Current);
            if (slow.Current is SessionUpdated { Session.State.Kind: AgentStateKind.SessionEnded })
            {
                break;
            }
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fastReader.WaitAsync(MonitorHarness.Patience));
        int fastUpdates = fast.OfType<SessionUpdated>().Count();
        int slowUpdates = drained.OfType<SessionUpdated>().Count();
        Assert.True(slowUpdates < fastUpdates, $"slow {slowUpdates} vs fast {fastUpdates}");
        Assert.True(drained.Count <= harness.Options.SubscriberQueueCapacity + 2, $"{drained.Count} events waited");
        Assert.Equal(harness.Monitor.GetSessions().Single(), drained.OfType<SessionUpdated>().Last().Session);

        // Merged or not, each update starts from the snapshot this subscriber saw last.
        foreach (SessionUpdated update in drained.OfType<SessionUpdated>())
        {
            Assert.Same(seen, update.Previous);
            seen = update.Session;
        }
        await slow.DisposeAsync();
    }

    [Fact]
    public async Task A_throwing_consumer_ends_only_its_own_enumeration()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 25, 40, TimeSpan.Zero));
        harness.Codex.Copy(CodexTool);
        await harness.Monitor.StartAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (SessionEvent item in harness.Monitor.WatchAsync())
            {
                throw new InvalidOperationException("consumer bug");
            }
        });

        harness.Claude.Copy(ClaudeTool);
        SessionDiscovered still = await harness.WaitForAsync<SessionDiscovered>(d => d.Session.Source == "claude");
        Assert.NotNull(still);
    }

    [Fact]
    public async Task Disposing_the_monitor_ends_every_enumeration()
    {
        var harness = new MonitorHarness();
        harness.Codex.Copy(CodexTool);
        IAsyncEnumerator<SessionEvent> events = harness.Monitor.WatchAsync().GetAsyncEnumerator();
        while (await events.MoveNextAsync().AsTask().WaitAsync(MonitorHarness.Patience) && events.Current is not SummaryChanged)
        {
        }

        Task<bool> waiting = events.MoveNextAsync().AsTask();
        await harness.DisposeAsync();

        Assert.False(await waiting.WaitAsync(MonitorHarness.Patience));
        await events.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => harness.Monitor.StartAsync());
    }

    [Fact]
    public async Task Disposing_during_reads_stops_cleanly()
    {
        var harness = new MonitorHarness(o => o.MaxConcurrentReads = 1);
        for (int i = 0; i < 20; i++)
        {
            string path = harness.Codex.PlaceFor(CodexTool).Replace("01a20af1-9deb", $"01a20af1-{i:0000}", StringComparison.Ordinal);
            File.Copy(CodexTool.Transcript, path);
        }

        Task start = harness.Monitor.StartAsync();
        await harness.DisposeAsync();

        // The startup scan ends: done, or cut short by the disposal (canceled), never failed.
        Assert.Same(start, await Task.WhenAny(start, Task.Delay(MonitorHarness.Patience)));
        Assert.False(start.IsFaulted, start.Exception?.ToString());
        Assert.True(start.IsCompletedSuccessfully || start.IsCanceled);
        Assert.DoesNotContain(harness.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    [Fact]
    public async Task Messages_are_read_for_both_sources_and_an_unknown_id_is_null()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 25, 40, TimeSpan.Zero));
        harness.Claude.Copy(ClaudeTool);
        harness.Codex.Copy(CodexTool);
        await harness.Monitor.StartAsync();

        IReadOnlyList<SessionMessage>? claude = await harness.Monitor.GetMessagesAsync("claude:2888b61d-42ad-4c69-9f91-e136753c80c6");
        IReadOnlyList<SessionMessage>? codex = await harness.Monitor.GetMessagesAsync("codex:01a20af1-9deb-72a0-b082-b49752aa3a70");

        Assert.NotNull(claude);
        Assert.NotNull(codex);
        Assert.Equal([MessageRole.User, MessageRole.Assistant, MessageRole.ToolCall, MessageRole.ToolResult, MessageRole.Assistant], claude.Select(m => m.Role));
        Assert.Equal("Run echo hi", claude[0].Text);
        Assert.Equal("Bash", claude[2].ToolName);
        Assert.Equal("hi", claude[3].Text);
        Assert.Equal([MessageRole.User, MessageRole.ToolCall, MessageRole.ToolResult, MessageRole.Assistant], codex.Select(m => m.Role));
        Assert.Equal("The command printed: hi", codex[^1].Text);
        Assert.Null(await harness.Monitor.GetMessagesAsync("claude:../../etc/passwd"));
        StopResult stop = await harness.Monitor.StopSessionAsync("claude:../../etc/passwd");
        Assert.Equal(StopOutcome.UnknownSession, stop.Outcome);
    }

    [Fact]
    public async Task Time_alone_moves_a_quiet_session_to_done()
    {
        await using var harness = new MonitorHarness(now: new DateTimeOffset(2026, 11, 24, 0, 25, 40, TimeSpan.Zero));
        byte[][] lines = [.. RealFixture.Lines(CodexTool.Transcript)];
        await MonitorHarness.AppendAsync(harness.Codex.PlaceFor(CodexTool), lines.Take(14));

        SessionDiscovered working = await harness.WaitForAsync<SessionDiscovered>();
        Assert.Equal(SessionStatus.Working, working.Session.Status);

        // No process is known and no line arrives: past the done threshold the session is done.
        harness.Time.Advance(harness.Options.StatusThresholds.DoneAfter);
        SessionUpdated done = await harness.WaitForAsync<SessionUpdated>(u => u.Session.Status == SessionStatus.Done);
        Assert.Equal(AgentStateKind.SessionEnded, done.Session.State.Kind);
    }

    [Fact]
    public async Task Events_are_counted_under_the_meter()
    {
        using var metrics = new MetricRecorder();
        await using var harness = new MonitorHarness(o => o.MeterFactory = metrics.Factory, now: new DateTimeOffset(2026, 11, 24, 0, 25, 40, TimeSpan.Zero));
        harness.Codex.Copy(CodexTool);
        await MonitorHarness.AppendAsync(harness.Claude.PlaceFor(ClaudeTool), [[.. "{not json"u8]]);
        await harness.WaitForAsync<SummaryChanged>(advance: false);

        // Stopped, the monitor publishes nothing more: every event it counted is one the subscriber receives.
        await harness.Monitor.DisposeAsync();
        int received = harness.Seen.Count;
        while (await harness.Events.MoveNextAsync())
        {
            received++;
        }

        Assert.Equal(received, metrics.Total("agentlive.events.published"));
        Assert.Equal(1, metrics.Total("agentlive.lines.malformed"));
        Assert.Equal(RealFixture.Lines(CodexTool.Transcript).Count() + 1, metrics.Total("agentlive.tail.lines"));
    }
}
