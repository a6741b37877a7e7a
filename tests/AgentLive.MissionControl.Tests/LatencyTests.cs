using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Xunit.Abstractions;

namespace AgentLive.MissionControl.Tests;

/// <summary>
/// How long an appended transcript line takes to reach a browser's event stream, end to end over real HTTP on
/// loopback, with the monitor on file-system notifications (its default). Measured and reported, not asserted.
/// </summary>
public sealed class LatencyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Samples = 20;

    private readonly TestRoots _roots = new(usePolling: false);
    private MissionControlHost _server = null!;

    public async Task InitializeAsync() =>
        _server = await MissionControlServer.StartAsync(_roots.Monitor, new MissionControlOptions { Output = TextWriter.Null }, CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _roots.DisposeAsync();
    }

    [Fact]
    public async Task Every_appended_line_reaches_the_event_stream()
    {
        using var http = new HttpClient { BaseAddress = _server.Url, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/live/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using HttpResponseMessage response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());
        await events.NextAsync(e => e.Type == "snapshot");

        var latencies = new List<double>();
        for (int i = 0; i < Samples; i++)
        {
            string marker = $"latency-{i:00}-mark";
            var clock = Stopwatch.StartNew();
            await TestRoots.AppendClaudeCommandAsync(_roots.ClaudeTranscript, "echo " + marker);
            await events.NextAsync(e => e.Type == "updated" && e.Data.Contains(marker, StringComparison.Ordinal));
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        string report = string.Create(CultureInfo.InvariantCulture,
            $"append → SSE 'updated' over loopback, {Samples} samples, file-system notifications: median {latencies[Samples / 2]:F1} ms, max {latencies[^1]:F1} ms, min {latencies[0]:F1} ms");
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "latency-report.txt"), report);
        Assert.Equal(Samples, latencies.Count);
    }
}
