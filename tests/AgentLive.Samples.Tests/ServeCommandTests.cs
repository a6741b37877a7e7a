using System.Text.Json;

namespace AgentLive.Samples.Tests;

/// <summary><c>serve</c> as a real process: one URL on loopback, the API behind it, the demo when asked.</summary>
public sealed class ServeCommandTests
{
    private static readonly string[] Roots = ["--claude-root", HostProcess.ClaudeRoot, "--codex-root", HostProcess.CodexRoot, "--lookback", "3650d", "--no-processes"];

    [Fact]
    public async Task Serve_prints_one_loopback_url_whose_api_lists_both_sources()
    {
        using HostProcess host = HostProcess.Start(["serve", .. Roots]);
        Uri url = await ReadUrlAsync(host);

        Assert.Equal("127.0.0.1", url.Host);
        using var http = new HttpClient { BaseAddress = url };
        using JsonDocument sessions = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/live/sessions", UriKind.Relative)));
        Assert.Equal(["claude", "codex"], sessions.RootElement.EnumerateArray().Select(s => s.GetProperty("source").GetString()!).Order().ToArray());
        string page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Mission Control", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_demo_replays_the_recordings_of_both_clients()
    {
        using HostProcess host = HostProcess.Start("serve", "--demo", "--speed", "20");
        Uri url = await ReadUrlAsync(host);
        using var http = new HttpClient { BaseAddress = url };

        string[] sources = [];
        using var deadline = new CancellationTokenSource(HostProcess.Patience);
        while (sources.Length < 2)
        {
            await Task.Delay(200, deadline.Token);
            using JsonDocument sessions = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/live/sessions", UriKind.Relative), deadline.Token));
            sources = [.. sessions.RootElement.EnumerateArray().Select(s => s.GetProperty("source").GetString()!).Distinct().Order()];
        }

        Assert.Equal(["claude", "codex"], sources);
        Assert.Contains("demo", await http.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_without_an_address_after_urls_is_a_usage_error()
    {
        (int code, _, string error) = await HostProcess.RunAsync("serve", "--urls");

        Assert.Equal(2, code);
        Assert.Contains("--urls", error, StringComparison.Ordinal);
    }

    private static async Task<Uri> ReadUrlAsync(HostProcess host)
    {
        using var deadline = new CancellationTokenSource(HostProcess.Patience);
        while (true)
        {
            string? line = await host.Output.ReadLineAsync(deadline.Token);
            Assert.NotNull(line);
            const string Prefix = "Mission Control: ";
            if (line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return new Uri(line[Prefix.Length..]);
            }
        }
    }
}
