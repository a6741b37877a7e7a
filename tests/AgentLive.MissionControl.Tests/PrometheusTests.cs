using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AgentLive.MissionControl.Tests;

/// <summary>A real Prometheus server scrapes <c>/metrics</c> every second; its HTTP API then answers for the session gauges.</summary>
/// <remarks>Alone, not beside other tests: every monitor in a process has a meter named <c>AgentLive</c>, and the
/// exporter listens by name.</remarks>
[Collection(nameof(PrometheusTests))]
public sealed class PrometheusTests : IAsyncLifetime
{
    private const string PrometheusPath = "/usr/bin/prometheus";

    private readonly TestRoots _roots = new();
    private readonly StringBuilder _log = new();
    private MissionControlHost _server = null!;
    private Process? _prometheus;
    private Uri _api = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(PrometheusPath), $"{PrometheusPath} is missing: run eng/install-test-deps.sh (installs Debian's chromium and prometheus).");
        _server = await MissionControlServer.StartAsync(_roots.Monitor, new MissionControlOptions { Output = TextWriter.Null }, CancellationToken.None);

        string dir = Path.Combine(_roots.Root, "prometheus");
        Directory.CreateDirectory(dir);
        string config = Path.Combine(dir, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: agentlive
                metrics_path: /metrics
                static_configs:
                  - targets: ["{_server.Url.Authority}"]
            """);
        int port = TestRoots.FreePort();
        _api = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(PrometheusPath)
        {
            ArgumentList =
            {
                $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(dir, "data")}",
                $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _prometheus = Process.Start(start)!;
        _prometheus.ErrorDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _prometheus.OutputDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _prometheus.BeginErrorReadLine();
        _prometheus.BeginOutputReadLine();
    }

    public async Task DisposeAsync()
    {
        if (_prometheus is { HasExited: false })
        {
            _prometheus.Kill();
            await _prometheus.WaitForExitAsync();
        }

        _prometheus?.Dispose();
        await _server.DisposeAsync();
        await _roots.DisposeAsync();
    }

    [Fact]
    public async Task Prometheus_scrapes_the_session_gauges_of_both_sources()
    {
        using var http = new HttpClient { BaseAddress = _api, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        JsonElement[] series = [];
        while (series.Length < 2)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"Prometheus returned no agentlive_sessions series within 60 s; its log: {_log}");
            Assert.False(_prometheus!.HasExited, $"Prometheus exited: {_log}");
            await Task.Delay(250);
            try
            {
                using JsonDocument answer = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/query?query=" + Uri.EscapeDataString("sum by (source) (agentlive_sessions)"), UriKind.Relative)));
                series = [.. answer.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().Select(e => e.Clone())];
            }
            catch (HttpRequestException)
            {
                // Prometheus is still starting.
            }
        }

        var bySource = series.ToDictionary(
            s => s.GetProperty("metric").GetProperty("source").GetString()!,
            s => double.Parse(s.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(1, bySource["claude"]);
        Assert.Equal(1, bySource["codex"]);

        using JsonDocument statuses = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/query?query=" + Uri.EscapeDataString("count by (status) (agentlive_sessions)"), UriKind.Relative)));
        string[] names = [.. statuses.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().Select(e => e.GetProperty("metric").GetProperty("status").GetString()!).Order()];
        Assert.Equal(["done", "needs_you", "unknown", "working"], names);
        using JsonDocument needsYou = JsonDocument.Parse(await http.GetStringAsync(new Uri("api/v1/query?query=" + Uri.EscapeDataString("agentlive_sessions_needs_you"), UriKind.Relative)));
        Assert.NotEmpty(needsYou.RootElement.GetProperty("data").GetProperty("result").EnumerateArray());
    }
}

[CollectionDefinition(nameof(PrometheusTests), DisableParallelization = true)]
public sealed class PrometheusRunsAlone;
