using System.Text.Json;

namespace AgentLive.Tests.Infrastructure;

/// <summary>
/// One checkpoint of a recording's <c>expected.json</c>: what a correct monitor says at that moment (the status, the
/// acceptable states, the text the current activity must contain).
/// </summary>
public sealed record ExpectedCheckpoint(string Label, SessionStatus Status, IReadOnlyList<AgentStateKind> States, IReadOnlyList<string> Activities)
{
    public static IReadOnlyList<ExpectedCheckpoint> Of(RealFixture fixture) =>
        [.. fixture.Expected.GetProperty("checkpoints").EnumerateArray().Select(From)];

    /// <summary>Whether a state is one of the acceptable ones.</summary>
    public bool Accepts(AgentStateKind kind) => States.Contains(kind);

    /// <summary>Whether the activity shows one of the expected texts (any activity does where none is expected).</summary>
    public bool ShowsActivity(AgentActivity? activity) =>
        Activities.Count == 0 || (activity is not null && Activities.Any(a => activity.Display.Contains(a, StringComparison.Ordinal)));

    public override string ToString() => Label;

    private static ExpectedCheckpoint From(JsonElement checkpoint)
    {
        SessionStatus status = checkpoint.GetProperty("status").GetString() switch
        {
            "working" => SessionStatus.Working,
            "paused" => SessionStatus.NeedsYou,
            "done" => SessionStatus.Done,
            var other => throw new InvalidOperationException($"unknown status {other}"),
        };

        // Names this version has no state for (such as awaiting_approval) are alternatives of a known one.
        AgentStateKind[] states = [.. checkpoint.GetProperty("states").EnumerateArray()
            .Select(s => Enum.TryParse(s.GetString()!.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out AgentStateKind kind) ? kind : (AgentStateKind?)null)
            .OfType<AgentStateKind>()];
        var activities = new List<string>();
        if (checkpoint.TryGetProperty("activity", out JsonElement activity))
        {
            activities.Add(activity.GetString()!);
            if (checkpoint.TryGetProperty("activity_alt", out JsonElement alternatives))
            {
                activities.AddRange(alternatives.EnumerateArray().Select(a => a.GetString()!));
            }
        }

        return new ExpectedCheckpoint(checkpoint.GetProperty("label").GetString()!, status, states, activities);
    }
}
