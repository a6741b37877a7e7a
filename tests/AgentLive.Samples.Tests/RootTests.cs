using System.Text.Json;

namespace AgentLive.Samples.Tests;

/// <summary>
/// Roots given on the command line: one that does not exist yet is normal (a note, then it is picked up when it
/// appears); a path that cannot be a root is a mistake (one line, exit 2).
/// </summary>
public sealed class RootTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("agentlive-roots-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Watch_started_before_either_root_exists_reports_the_sessions_that_start_later()
    {
        string claudeRoot = Path.Combine(_work, "claude-home");
        string codexRoot = Path.Combine(_work, "codex-home");
        using HostProcess host = HostProcess.Start("watch", "--json", "--claude-root", claudeRoot, "--codex-root", codexRoot, "--lookback", "3650d", "--no-processes");

        // The monitor is up once it has said that there is nothing yet: a summary with no session before it.
        JsonElement first = await host.NextEventAsync();
        Assert.Equal("summary", first.GetProperty("type").GetString());
        string notes = await host.Error.ReadLineAsync().WaitAsync(HostProcess.Patience) + "\n" + await host.Error.ReadLineAsync().WaitAsync(HostProcess.Patience);
        Assert.Contains($"--claude-root {claudeRoot} does not exist yet", notes, StringComparison.Ordinal);
        Assert.Contains($"--codex-root {codexRoot} does not exist yet", notes, StringComparison.Ordinal);

        CopyDirectory(HostProcess.ClaudeRoot, claudeRoot);
        CopyDirectory(HostProcess.CodexRoot, codexRoot);

        var discovered = new HashSet<string>(StringComparer.Ordinal);
        while (!discovered.SetEquals(["claude:2888b61d-42ad-4c69-9f91-e136753c80c6", "codex:01a20af1-9deb-72a0-b082-b49752aa3a70"]))
        {
            JsonElement item = await host.NextEventAsync();
            if (item.GetProperty("type").GetString() == "session_discovered")
            {
                discovered.Add(item.GetProperty("session").GetProperty("id").GetString()!);
            }
        }

        host.Input.Close();
        Assert.Equal(0, await host.WaitForExitAsync());
    }

    [Fact]
    public async Task Snapshot_with_a_missing_root_warns_and_reports_what_it_found()
    {
        string missing = Path.Combine(_work, "no-such-claude");

        (int code, string output, string error) = await HostProcess.RunAsync(
            "snapshot", "--json", "--claude-root", missing, "--codex-root", HostProcess.CodexRoot, "--lookback", "3650d", "--no-processes");

        Assert.Equal(0, code);
        Assert.Equal($"agentlive: warning: --claude-root {missing} does not exist; no sessions from it", error.Trim());
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal("codex:01a20af1-9deb-72a0-b082-b49752aa3a70", Assert.Single(json.RootElement.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_root_of_a_source_left_out_with_only_is_not_looked_at()
    {
        (int code, string output, string error) = await HostProcess.RunAsync(
            "snapshot", "--json", "--only", "claude", "--claude-root", HostProcess.ClaudeRoot, "--codex-root", Path.Combine(_work, "nothing"), "--lookback", "3650d");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal("claude", Assert.Single(json.RootElement.EnumerateArray()).GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_root_that_is_a_file_is_one_clear_line_and_exit_2()
    {
        (int code, string output, string error) = await HostProcess.RunAsync("watch", "--json", "--codex-root", HostProcess.HostDll);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal($"agentlive: --codex-root {HostProcess.HostDll}: is a file, not a directory", error.Trim());
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
