using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AgentLive.Samples.Views;

/// <summary>The live table: one row per session, a header with the summary.</summary>
internal static class SessionView
{
    public static IRenderable Render(IReadOnlyList<LiveSession> sessions, SessionSummary summary, DateTimeOffset now, string? note = null)
    {
        var table = new Table { Border = TableBorder.Rounded, Expand = true };
        table.AddColumn("Source");
        table.AddColumn("Project");
        table.AddColumn("Branch");
        table.AddColumn("Status");
        table.AddColumn("State");
        table.AddColumn("Activity");
        table.AddColumn("Model");
        table.AddColumn(new TableColumn("Tokens").RightAligned());
        table.AddColumn(new TableColumn("Cost").RightAligned());
        table.AddColumn(new TableColumn("Age").RightAligned());
        table.AddColumn(new TableColumn("PID").RightAligned());

        // Who needs you first, then what the monitor cannot see (worth a look too), then who works, then what is done;
        // the most recent first within each.
        foreach (LiveSession session in sessions.OrderBy(s => s.Status switch { SessionStatus.NeedsYou => 0, SessionStatus.Unknown => 1, SessionStatus.Working => 2, _ => 3 }).ThenByDescending(s => s.LastActivityAt))
        {
            table.AddRow(
                new Markup(session.Source == "claude" ? "[orange1]claude[/]" : session.Source == "codex" ? "[deepskyblue1]codex[/]" : Markup.Escape(session.Source)),
                Text(session.ProjectName),
                Text(session.GitBranch),
                new Markup(StatusOf(session.State)),
                new Markup(session.Status switch
                {
                    SessionStatus.NeedsYou => $"[bold yellow]{Markup.Escape(session.State.Label)}[/]",
                    SessionStatus.Unknown => $"[magenta]{Markup.Escape(session.State.Label)}[/]",
                    _ => Markup.Escape(session.State.Label),
                }),
                Text(session.Activity?.Display, 40),
                Text(session.Model),
                Text(Tokens(session.Tokens.Total)),
                Text(session.CostUsd is { } cost ? cost.ToString("$0.00##", CultureInfo.InvariantCulture) : "—"),
                Text(session.LastActivityAt is { } last ? Age(now - last) : "—"),
                Text(session.Pid?.ToString(CultureInfo.InvariantCulture) ?? "—"));
        }

        // Sessions the monitor cannot see are counted only when there are some: the usual line stays as it was.
        string header = $"[bold]needs you: {summary.NeedsYouCount}[/]  ·  working: {summary.WorkingCount}  ·  "
            + (summary.UnknownCount > 0 ? $"[magenta]unknown: {summary.UnknownCount}[/]  ·  " : string.Empty)
            + $"today: {Tokens(summary.TotalTokensToday)} tokens, {summary.TotalCostTodayUsd.ToString("$0.00", CultureInfo.InvariantCulture)}";
        table.Title = new TableTitle(header);
        table.Caption = new TableTitle(note ?? (sessions.Count == 0 ? "no sessions yet — q or Ctrl-C to quit" : "q or Ctrl-C to quit"));
        return table;
    }

    /// <summary>The coarse status, and for work that goes on without the agent's own turn, what carries it.</summary>
    private static string StatusOf(AgentState state) => state.Kind switch
    {
        AgentStateKind.Delegating => "[green]working[/] [dim]· delegating[/]",
        AgentStateKind.BackgroundTask => "[green]working[/] [dim]· background[/]",
        AgentStateKind.NotRecorded => "[magenta]not recorded[/]",
        _ => state.Status switch
        {
            SessionStatus.Working => "[green]working[/]",
            SessionStatus.NeedsYou => "[yellow]needs you[/]",
            SessionStatus.Unknown => "[magenta]unknown[/]",
            _ => "[grey]done[/]",
        },
    };

    private static Text Text(string? value, int max = 60) =>
        new(value is null ? "—" : value.Length > max ? string.Concat(value.AsSpan(0, max - 1), "…") : value);

    private static string Tokens(long tokens) => tokens switch
    {
        >= 1_000_000 => (tokens / 1_000_000d).ToString("0.0", CultureInfo.InvariantCulture) + "M",
        >= 1_000 => (tokens / 1_000d).ToString("0.0", CultureInfo.InvariantCulture) + "k",
        _ => tokens.ToString(CultureInfo.InvariantCulture),
    };

    private static string Age(TimeSpan age) => age switch
    {
        { TotalSeconds: < 60 } => $"{Math.Max(0, (int)age.TotalSeconds)}s",
        { TotalMinutes: < 60 } => $"{(int)age.TotalMinutes}m",
        { TotalHours: < 48 } => $"{(int)age.TotalHours}h",
        _ => $"{(int)age.TotalDays}d",
    };
}
