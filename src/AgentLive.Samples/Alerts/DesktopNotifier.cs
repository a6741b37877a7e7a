using System.ComponentModel;
using System.Diagnostics;
using AgentLive;

namespace AgentLive.Samples.Alerts;

/// <summary>
/// Tells the user a session needs them: the terminal bell (which terminals turn into an urgent hint or a sound), and a
/// desktop notification where the platform has a command for one (<c>notify-send</c> on Linux, <c>osascript</c> on macOS).
/// </summary>
internal static class DesktopNotifier
{
    private static readonly Lazy<string?> NotifySend = new(() => FindOnPath("notify-send"));

    public static void Alert(LiveSession session)
    {
        Console.Out.Write('\a');
        Console.Out.Flush();

        string title = $"{session.ProjectName ?? session.Id} needs you";
        string body = session.State.Label;
        if (OperatingSystem.IsLinux() && NotifySend.Value is { } notifySend)
        {
            Launch(notifySend, ["--app-name=agentlive", title, body]);
        }
        else if (OperatingSystem.IsMacOS())
        {
            Launch("/usr/bin/osascript", ["-e", $"display notification \"{AppleScript(body)}\" with title \"{AppleScript(title)}\""]);
        }
    }

    /// <summary>Fire and forget: a notification that cannot be shown must never disturb the table.</summary>
    private static void Launch(string program, string[] args)
    {
        try
        {
            using Process? process = Process.Start(new ProcessStartInfo(program, args)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
        }
        catch (Exception e) when (e is Win32Exception or IOException or InvalidOperationException)
        {
        }
    }

    private static string AppleScript(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
