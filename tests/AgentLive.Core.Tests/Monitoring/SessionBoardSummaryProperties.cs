using System.Globalization;
using AgentLive.Diagnostics;
using AgentLive.Monitoring;
using AgentLive.Tests.Infrastructure;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace AgentLive.Tests.Monitoring;

/// <summary>
/// The board keeps its summary as running counts; whatever the sequence of updates, removals and days passing, it
/// must equal the summary counted afresh from the sessions it holds.
/// </summary>
public sealed class SessionBoardSummaryProperties
{
    private static readonly AgentStateKind[] Kinds =
        [AgentStateKind.Thinking, AgentStateKind.AwaitingPermission, AgentStateKind.TaskComplete, AgentStateKind.Unknown, AgentStateKind.SessionEnded];

    [Property(MaxTest = 300)]
    public void The_running_summary_equals_a_fresh_count((byte Id, byte Kind, ushort Tokens, byte Cost, sbyte Hours, bool Remove, bool NextDay)[] steps)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero));
        using var metrics = new MetricRecorder();
        using var counted = new AgentLiveMetrics(metrics.Factory);
        var board = new SessionBoard(time, 16, counted);
        var held = new Dictionary<string, LiveSession>();
        foreach ((byte id, byte kind, ushort tokens, byte cost, sbyte hours, bool remove, bool nextDay) in steps)
        {
            string key = $"claude:{id % 8}";
            if (nextDay)
            {
                time.Advance(TimeSpan.FromHours(5));
                board.RefreshSummary();
            }

            if (remove)
            {
                board.Remove(key);
                held.Remove(key);
            }
            else
            {
                AgentStateKind state = Kinds[kind % Kinds.Length];
                var session = new LiveSession
                {
                    Id = key,
                    Source = "claude",
                    SourceSessionId = key[7..],
                    FilePath = $"/nowhere/{key}.jsonl",
                    State = new AgentState(state, state.ToString()),
                    Tokens = new TokenUsage(tokens, 0, 0, 0, 0),
                    CostUsd = cost == 0 ? null : cost / 100m,
                    LastActivityAt = time.GetUtcNow().AddHours(hours % 30),
                };
                board.Upsert(session);
                held[key] = session;
            }

            SessionSummary fresh = Count(held.Values, time);
            Assert.Equal(fresh, board.Summary);

            // Written out too, it reads as the fresh sum does, with no trailing zeros left by a cost taken out.
            Assert.Equal(
                (fresh.TotalCostTodayUsd / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
                board.Summary.TotalCostTodayUsd.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static SessionSummary Count(IEnumerable<LiveSession> sessions, TimeProvider time)
    {
        DateTime today = TimeZoneInfo.ConvertTime(time.GetUtcNow(), time.LocalTimeZone).Date;
        LiveSession[] all = [.. sessions];
        LiveSession[] ofToday = [.. all.Where(s => s.LastActivityAt is { } last && TimeZoneInfo.ConvertTime(last, time.LocalTimeZone).Date == today)];
        return new SessionSummary
        {
            NeedsYouCount = all.Count(s => s.Status == SessionStatus.NeedsYou),
            WorkingCount = all.Count(s => s.Status == SessionStatus.Working),
            DoneCount = all.Count(s => s.Status == SessionStatus.Done),
            UnknownCount = all.Count(s => s.Status == SessionStatus.Unknown),
            TotalTokensToday = ofToday.Sum(s => s.Tokens.Total),
            TotalCostTodayUsd = ofToday.Sum(s => s.CostUsd ?? 0),
        };
    }
}
