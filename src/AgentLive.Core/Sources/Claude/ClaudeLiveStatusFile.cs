using System.Globalization;
using System.Text.Json;

namespace AgentLive.Sources.Claude;

/// <summary>Reads one <c>sessions/&lt;pid&gt;.json</c> that a running Claude Code 2.1 process keeps.</summary>
/// <remarks>
/// Claude Code rewrites the file in place (open without truncating, write, truncate, close), so a read can catch it
/// half-written or with a stale tail: a read that does not parse is tried again, and a file that never parses is
/// skipped until the next poll. It is deleted when the process exits; a crash leaves it behind, which is why the
/// monitor checks the pid and start time against its process table.
/// </remarks>
internal static class ClaudeLiveStatusFile
{
    private const int Attempts = 3;

    public static async ValueTask<LiveStatusEntry?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            if (TryParse(bytes, out LiveStatusEntry? entry))
            {
                return entry;
            }
        }

        return null;
    }

    internal static bool TryParse(ReadOnlySpan<byte> json, out LiveStatusEntry? entry)
    {
        entry = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("pid", out JsonElement pid) || pid.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("sessionId", out JsonElement sessionId) || sessionId.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            entry = new LiveStatusEntry
            {
                Pid = pid.GetInt32(),
                SessionId = sessionId.GetString()!,
                State = StateOf(String(root, "status"), String(root, "waitingFor")),
                WaitingFor = String(root, "waitingFor"),
                UpdatedAt = Time(root, "statusUpdatedAt") ?? Time(root, "updatedAt") ?? Time(root, "startedAt"),
                Cwd = String(root, "cwd"),

                // Linux's start time of the process in clock ticks since boot (field 22 of /proc/<pid>/stat), as text.
                ProcessStartTicks = ulong.TryParse(String(root, "procStart"), NumberStyles.None, CultureInfo.InvariantCulture, out ulong ticks) ? ticks : null,
            };
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Claude Code's status words (2.1.x): <c>busy</c>, <c>idle</c>, <c>waiting</c> (a dialog), <c>shell</c> (the turn is
    /// over while a background shell runs). What a dialog waits for is in <c>waitingFor</c>: <c>input needed</c> for a
    /// question (AskUserQuestion), <c>permission prompt</c> for a tool call or a plan to approve; other words (such as
    /// <c>dialog open</c>) say only that something waits.
    /// </summary>
    private static LiveReportState StateOf(string? status, string? waitingFor) => status switch
    {
        "busy" => LiveReportState.Working,
        "idle" => LiveReportState.Idle,
        "waiting" => waitingFor switch
        {
            "input needed" => LiveReportState.WaitingForAnswer,
            "permission prompt" => LiveReportState.WaitingForPermission,
            _ => LiveReportState.WaitingForUser,
        },
        "shell" => LiveReportState.RunningCommand,
        _ => LiveReportState.Unknown,
    };

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static DateTimeOffset? Time(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
}
