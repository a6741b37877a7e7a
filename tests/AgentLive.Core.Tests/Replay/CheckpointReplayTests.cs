using AgentLive.Tests.Infrastructure;
using AgentLive.Tests.Monitoring;

namespace AgentLive.Tests.Replay;

/// <summary>
/// Every checkpoint of every real recording that lists them (<c>expected.json</c>), replayed through the whole monitor
/// as it would meet that moment live: the client's files as they were (transcripts, sub-agent transcripts, the live
/// status file), the process table as it was, and the clock at the moment. What it reports is compared with what the
/// recording says a correct monitor reports, never with an earlier output of this code.
/// </summary>
public sealed class CheckpointReplayTests
{
    /// <summary>
    /// Moments whose activity no file holds: the dialog's text is only on the screen (the transcript holds the tool
    /// call back while it shows). There the state must still be right, and no activity is made up.
    /// </summary>
    private static readonly HashSet<string> ActivityOnlyOnScreen = new(StringComparer.Ordinal)
    {
        "real-v3/claude/j_ask_user_question_tui@question-shown",
    };

    public static TheoryData<string> Checkpoints => new(RecordedCheckpoint.All().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Checkpoints))]
    public async Task At_each_recorded_moment_the_monitor_reports_what_the_user_saw(string name)
    {
        RecordedCheckpoint checkpoint = RecordedCheckpoint.Find(name);
        LiveSession session = await ReplayAsync(checkpoint);

        Assert.True(
            checkpoint.Answers.Any(a => a.Accepts(session)),
            $"{name}: reported {session.Status} / {session.State.Kind} (\"{session.State.Label}\", from {session.State.Evidence}); "
            + $"expected {string.Join(" or ", checkpoint.Answers.Select(a => $"{a.Status} / {string.Join("|", a.States)}"))}");
        if (ActivityOnlyOnScreen.Contains(name))
        {
            Assert.Null(session.Activity);
        }
        else if (checkpoint.Activities.Count > 0)
        {
            // What a user sees of it: the activity line, or the state's own words where the state names the thing
            // (an error's cause).
            string shown = $"{session.Activity?.Display} | {session.State.Label}";
            Assert.True(
                checkpoint.Activities.Any(a => shown.Contains(a, StringComparison.Ordinal)),
                $"{name}: activity and label \"{shown}\" contain none of {string.Join(", ", checkpoint.Activities.Select(a => $"\"{a}\""))}");
        }

        Assert.NotEqual(StateEvidence.None, session.State.Evidence);
    }

    public static TheoryData<string> Scenarios => new(RecordedCheckpoint.All().Select(c => c.ScenarioName).Distinct());

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task After_the_recording_the_session_counts_every_token_the_server_reported_for_it_and_its_sub_agents(string name)
    {
        RecordedCheckpoint any = RecordedCheckpoint.All().First(c => c.ScenarioName == name);
        await using var harness = new MonitorHarness(now: any.Time.AddHours(1));
        CopyFolder(Path.Combine(any.ScenarioDirectory, "claude"), harness.Claude.Path);
        CopyFolder(Path.Combine(any.ScenarioDirectory, "codex"), harness.Codex.Path);

        await harness.Monitor.StartAsync();

        LiveSession session = Assert.Single(harness.Monitor.GetSessions());
        Assert.Equal(any.ServerTokens("server_usage_totals_main_requests"), session.Tokens);
        if (any.ServerTokensOrNull("server_usage_totals_by_label", "subagent") is { } subAgentTokens)
        {
            SubAgentInfo subAgent = Assert.Single(session.SubAgents);
            Assert.Equal(subAgentTokens, subAgent.Tokens);
            Assert.Equal(SubAgentStatus.Completed, subAgent.Status);
        }
    }

    /// <summary>Starts a monitor over the checkpoint's files and returns the recorded session.</summary>
    private static async Task<LiveSession> ReplayAsync(RecordedCheckpoint checkpoint)
    {
        await using MonitorHarness harness = await StartAtAsync(checkpoint);
        IReadOnlyList<LiveSession> sessions = harness.Monitor.GetSessions();
        return checkpoint.SessionId is { } id
            ? Assert.Single(sessions, s => s.SourceSessionId == id)
            : Assert.Single(sessions, s => s.ParentSessionId is null);
    }

    /// <summary>Lays the checkpoint's files out as the client's homes and starts a monitor over them at that moment, with its process table.</summary>
    internal static async Task<MonitorHarness> StartAtAsync(RecordedCheckpoint checkpoint)
    {
        var harness = new MonitorHarness(
            options =>
            {
                if (checkpoint.ProcessSnapshot is { } processes)
                {
                    options.DetectProcesses = true;
                    options.ProcessScanner = new RecordedProcessScanner(processes, new Dictionary<string, string>
                    {
                        ["HOME/.claude"] = options.Sources[0].Roots[0],
                        ["HOME/.codex"] = options.Sources[1].Roots[0],
                    });
                }
            },
            now: checkpoint.Time);
        CopyFolder(Path.Combine(checkpoint.Snapshot, "claude"), harness.Claude.Path);
        CopyFolder(Path.Combine(checkpoint.Snapshot, "codex"), harness.Codex.Path);

        try
        {
            await harness.Monitor.StartAsync();
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    private static void CopyFolder(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            return;
        }

        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
