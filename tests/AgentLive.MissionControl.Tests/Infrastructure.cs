using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using AgentLive.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace AgentLive.MissionControl.Tests;

/// <summary>Temporary Claude and Codex roots holding copies of real transcripts, and a monitor over them.</summary>
public sealed partial class TestRoots : IAsyncDisposable
{
    /// <summary>How long a test waits for something that should happen at once (real time, bounded).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <param name="copyRecordings">Whether the roots start with the recorded transcripts.</param>
    /// <param name="detectProcesses">Whether the monitor reads the process table.</param>
    /// <param name="usePolling">Whether the monitor polls instead of watching.</param>
    /// <param name="configure">Changes the monitor's options before it is made.</param>
    public TestRoots(bool copyRecordings = true, bool detectProcesses = false, bool usePolling = true, Action<SessionMonitorOptions>? configure = null)
    {
        Root = Directory.CreateTempSubdirectory("agentlive-mc-").FullName;
        ClaudeRoot = Path.Combine(Root, "claude");
        CodexRoot = Path.Combine(Root, "codex");
        Directory.CreateDirectory(ClaudeRoot);
        Directory.CreateDirectory(CodexRoot);
        if (copyRecordings)
        {
            Copy(Path.Combine(AppContext.BaseDirectory, "Roots", "claude"), ClaudeRoot);
            Copy(Path.Combine(AppContext.BaseDirectory, "Roots", "codex"), CodexRoot);
        }

        Options = new SessionMonitorOptions
        {
            UsePolling = usePolling,
            ReconcileInterval = TimeSpan.FromMilliseconds(200),
            DetectProcesses = detectProcesses,
            StopTimeout = TimeSpan.FromSeconds(5),
            LookBack = TimeSpan.FromDays(3650),
        };
        Options.Sources.Clear();
        Options.Sources.Add(new ClaudeSessionSource(new ClaudeSourceOptions { Roots = [ClaudeRoot] }));
        Options.Sources.Add(new CodexSessionSource(new CodexSourceOptions { Roots = [CodexRoot] }));
        configure?.Invoke(Options);
        Monitor = SessionMonitor.Create(Options);
    }

    public string Root { get; }

    public string ClaudeRoot { get; }

    public string CodexRoot { get; }

    public SessionMonitorOptions Options { get; }

    public SessionMonitor Monitor { get; }

    public string ClaudeTranscript => Directory.EnumerateFiles(ClaudeRoot, "*.jsonl", SearchOption.AllDirectories).First();

    public string CodexTranscript => Directory.EnumerateFiles(CodexRoot, "*.jsonl", SearchOption.AllDirectories).First();

    public static string ClaudeId(string transcript) => "claude:" + Path.GetFileNameWithoutExtension(transcript);

    /// <summary>Appends a Claude assistant line that runs a Bash command, as the client writes it.</summary>
    public static async Task<string> AppendClaudeCommandAsync(string transcript, string command)
    {
        string now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        string sessionId = Path.GetFileNameWithoutExtension(transcript);
        string id = Guid.NewGuid().ToString("N");
        string line = $$$"""{"type":"assistant","message":{"id":"msg_{{{id}}}","role":"assistant","model":"claude-opus-4-5","content":[{"type":"tool_use","id":"toolu_{{{id}}}","name":"Bash","input":{"command":"{{{command}}}"}}],"stop_reason":"tool_use","usage":{"input_tokens":5,"output_tokens":7}},"timestamp":"{{{now}}}","sessionId":"{{{sessionId}}}","uuid":"{{{Guid.NewGuid()}}}"}""";
        await using var file = new FileStream(transcript, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        await file.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"));
        return "toolu_" + id;
    }

    /// <summary>Appends the lines that finish a Claude tool call and its turn: the tool's result, then a final answer.</summary>
    public static async Task AppendClaudeTurnEndAsync(string transcript, string toolUseId)
    {
        string now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        string sessionId = Path.GetFileNameWithoutExtension(transcript);
        string result = $$$"""{"type":"user","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"{{{toolUseId}}}","content":"ok","is_error":false}]},"timestamp":"{{{now}}}","sessionId":"{{{sessionId}}}","uuid":"{{{Guid.NewGuid()}}}"}""";
        string answer = $$$"""{"type":"assistant","message":{"id":"msg_{{{Guid.NewGuid():N}}}","role":"assistant","model":"claude-opus-4-5","content":[{"type":"text","text":"Done."}],"stop_reason":"end_turn","usage":{"input_tokens":5,"output_tokens":3}},"timestamp":"{{{now}}}","sessionId":"{{{sessionId}}}","uuid":"{{{Guid.NewGuid()}}}"}""";
        await using var file = new FileStream(transcript, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        await file.WriteAsync(Encoding.UTF8.GetBytes(result + "\n" + answer + "\n"));
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling; fails with <paramref name="what"/> after <see cref="Patience"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? patience = null)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < (patience ?? Patience), $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Monitor.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Copies the recordings, moving their timestamps so that each one's last line was written a moment
    /// ago: the sessions look as recent as when they were recorded (a finished turn still needs you).</summary>
    private static void Copy(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, Retime(File.ReadAllText(file), DateTimeOffset.UtcNow.AddSeconds(-5)));
        }
    }

    public static string Retime(string text, DateTimeOffset lastAt)
    {
        var stamps = Timestamp().Matches(text).Select(m => DateTimeOffset.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        if (stamps.Count == 0)
        {
            return text;
        }

        TimeSpan shift = lastAt - stamps.Max();
        return Timestamp().Replace(text, m =>
        {
            DateTimeOffset moved = DateTimeOffset.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + shift;
            return $"\"timestamp\":\"{moved.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}\"";
        });
    }

    [GeneratedRegex("\"timestamp\":\"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z)\"")]
    private static partial Regex Timestamp();
}

/// <summary>Mission Control in memory (the ASP.NET Core test server) over a monitor.</summary>
public sealed class InMemoryApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InMemoryApp(WebApplication app, MissionControlOptions options)
    {
        _app = app;
        Options = options;
        Client = app.GetTestClient();
    }

    public MissionControlOptions Options { get; }

    public HttpClient Client { get; }

    public static async Task<InMemoryApp> StartAsync(SessionMonitor monitor, MissionControlOptions? options = null)
    {
        options ??= new MissionControlOptions();
        await monitor.StartAsync();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddMissionControl(monitor, options);
        WebApplication app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapMissionControl();
        await app.StartAsync();
        return new InMemoryApp(app, options);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One Server-Sent Event.</summary>
public sealed record SseEvent(string Type, string? Id, string Data);

/// <summary>Reads Server-Sent Events from a response stream, one event at a time, with a bounded wait.</summary>
public sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    public async Task<SseEvent> NextAsync(TimeSpan? patience = null)
    {
        using var timeout = new CancellationTokenSource(patience ?? TestRoots.Patience);
        string type = "message";
        string? id = null;
        var data = new StringBuilder();
        while (true)
        {
            string? line = await _reader.ReadLineAsync(timeout.Token);
            Assert.NotNull(line);
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    return new SseEvent(type, id, data.ToString());
                }

                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            string field = colon < 0 ? line : line[..colon];
            string value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "event":
                    type = value;
                    break;
                case "id":
                    id = value;
                    break;
                case "data":
                    data.Append(data.Length > 0 ? "\n" : "").Append(value);
                    break;
            }
        }
    }

    /// <summary>The next event that matches, skipping the others (heartbeats, other sessions).</summary>
    public async Task<SseEvent> NextAsync(Func<SseEvent, bool> match)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            TimeSpan left = TestRoots.Patience - clock.Elapsed;
            Assert.True(left > TimeSpan.Zero, "timed out waiting for a matching event");
            SseEvent e = await NextAsync(left);
            if (match(e))
            {
                return e;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
