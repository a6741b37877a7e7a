using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace AgentLive.Samples.Tests;

/// <summary>
/// Files that are not what they seem, against the real host: a FIFO named like a transcript, a transcript or a folder
/// the user may not read. None may hang the monitor, invent a session, or pass without a word on stderr.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReliabilityTests : IDisposable
{
    private const UnixFileMode Open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private static readonly string ClaudeSession = "2888b61d-42ad-4c69-9f91-e136753c80c6";

    private readonly string _work = Directory.CreateTempSubdirectory("agentlive-reliability-").FullName;
    private readonly string _root;

    public ReliabilityTests()
    {
        // Readable by anyone (a temporary folder is the creator's alone), so a host run as nobody can list it.
        File.SetUnixFileMode(_work, Open);
        _root = Path.Combine(_work, "claude");
        Directory.CreateDirectory(Path.Combine(_root, "projects"));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public async Task Snapshot_with_a_fifo_among_the_transcripts_returns_and_says_so()
    {
        Fifo("-fifo-project", "5a0c9f4e-0000-4000-8000-000000000001.jsonl");
        Place("-real-project", $"{ClaudeSession}.jsonl");

        (int code, string output, string error) = await HostProcess.RunAsync(Args("snapshot", "--json"));

        Assert.Equal(0, code);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal($"claude:{ClaudeSession}", Assert.Single(json.RootElement.EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains("is not a regular file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fifos_take_no_read_slot_new_transcripts_are_still_seen_and_watch_ends_when_asked()
    {
        // More FIFOs than the monitor has read slots (the processor count, at least two).
        for (int i = 0; i < Environment.ProcessorCount + 2; i++)
        {
            Fifo($"-fifo-{i}", $"5a0c9f4e-0000-4000-8000-00000000000{i}.jsonl");
        }

        using HostProcess host = HostProcess.Start(Args("watch", "--json"));
        Assert.Equal("summary", (await host.NextEventAsync()).GetProperty("type").GetString());

        Place("-real-project", $"{ClaudeSession}.jsonl");
        await WaitForDiscoveryAsync(host, $"claude:{ClaudeSession}");

        host.Input.Close();
        Assert.Equal(0, await host.WaitForExitAsync());
    }

    [Fact]
    public async Task For_an_ordinary_user_unreadable_files_and_folders_are_reported_once_invent_nothing_and_are_read_when_they_can_be()
    {
        string readable = Place("-readable", $"{ClaudeSession}.jsonl");
        string locked = Place("-locked", "436685ef-c962-4a1d-824a-3d3ebc2a848f.jsonl", "a_text");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        string lockedFolder = Path.Combine(_root, "projects", "-locked-folder");
        Directory.CreateDirectory(lockedFolder);
        File.SetUnixFileMode(lockedFolder, UnixFileMode.None);

        using HostProcess host = HostProcess.Start(asNobody: true, Args("watch", "--json"));
        var errors = new ConcurrentQueue<string>();
        Task errorReader = Task.Run(async () =>
        {
            while (await host.Error.ReadLineAsync() is { } line)
            {
                errors.Enqueue(line);
            }
        });

        var ids = new List<string>();
        JsonElement item;
        do
        {
            item = await host.NextEventAsync();
            if (item.GetProperty("type").GetString() == "session_discovered")
            {
                ids.Add(item.GetProperty("session").GetProperty("id").GetString()!);
            }
        }
        while (item.GetProperty("type").GetString() != "summary");

        // The unreadable transcript is no session (no "0 tokens, paused" ghost); both problems are said.
        Assert.Equal([$"claude:{ClaudeSession}"], ids);
        await UntilAsync(() => errors.Any(e => e.Contains($"Cannot read {locked}", StringComparison.Ordinal))
            && errors.Any(e => e.Contains($"Cannot list {lockedFolder}", StringComparison.Ordinal)));

        // Permission back: the session appears, and the problem was reported once across every rescan meanwhile.
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await WaitForDiscoveryAsync(host, "claude:436685ef-c962-4a1d-824a-3d3ebc2a848f");
        Assert.Single(errors, e => e.Contains($"Cannot read {locked}", StringComparison.Ordinal));
        Assert.Single(errors, e => e.Contains($"Cannot list {lockedFolder}", StringComparison.Ordinal));
        Assert.True(File.Exists(readable));

        host.Input.Close();
        Assert.Equal(0, await host.WaitForExitAsync());
        await errorReader.WaitAsync(HostProcess.Patience);
    }

    private string[] Args(string command, string json) =>
        [command, json, "--claude-root", _root, "--only", "claude", "--lookback", "3650d", "--no-processes"];

    /// <summary>Copies a real transcript into a project folder, readable by anyone.</summary>
    private string Place(string project, string name, string scenario = "b_tool_echo")
    {
        string folder = Path.Combine(_root, "projects", project);
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, Open);
        string source = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Roots", "claude-scenarios", scenario), "*.jsonl", SearchOption.AllDirectories).Single();
        string path = Path.Combine(folder, name);
        File.Copy(source, path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return path;
    }

    private void Fifo(string project, string name)
    {
        string folder = Path.Combine(_root, "projects", project);
        Directory.CreateDirectory(folder);
        using Process mkfifo = Process.Start("mkfifo", Path.Combine(folder, name));
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static async Task WaitForDiscoveryAsync(HostProcess host, string id)
    {
        JsonElement item;
        do
        {
            item = await host.NextEventAsync();
        }
        while (!(item.GetProperty("type").GetString() == "session_discovered" && item.GetProperty("session").GetProperty("id").GetString() == id));
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(HostProcess.Patience);
        while (!condition())
        {
            await Task.Delay(50, deadline.Token);
        }
    }
}
