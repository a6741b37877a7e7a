using System.Net;

namespace AgentLive.MissionControl.Tests;

/// <summary>The standalone server: loopback by default, a warning for anything else, problem details for errors.</summary>
public sealed class ServerTests : IAsyncLifetime
{
    private readonly TestRoots _roots = new(copyRecordings: false);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _roots.DisposeAsync();

    [Fact]
    public async Task By_default_it_listens_on_loopback_without_a_warning_and_errors_are_problem_details()
    {
        using var output = new StringWriter();
        await using MissionControlHost server = await MissionControlServer.StartAsync(_roots.Monitor, new MissionControlOptions { Output = output }, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.Url };

        using HttpResponseMessage missing = await http.GetAsync(new Uri("no/such/route", UriKind.Relative));

        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(server.Url.Host)), server.Url.ToString());
        Assert.DoesNotContain("warning", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Listening_beyond_loopback_is_announced_with_a_warning_and_its_host_name_is_accepted()
    {
        using var output = new StringWriter();
        await using MissionControlHost server = await MissionControlServer.StartAsync(
            _roots.Monitor, new MissionControlOptions { Output = output, Urls = "http://0.0.0.0:0" }, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = server.Url };
        using var named = new HttpRequestMessage(HttpMethod.Get, "api/live/summary");
        named.Headers.Host = $"{Environment.MachineName}:{server.Url.Port}";
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "api/live/summary");
        rebound.Headers.Host = $"attacker.example:{server.Url.Port}";

        using HttpResponseMessage byName = await http.SendAsync(named);
        using HttpResponseMessage byOtherName = await http.SendAsync(rebound);

        Assert.Contains("warning", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("0.0.0.0", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, byOtherName.StatusCode);
    }
}
