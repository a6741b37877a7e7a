using AgentLive.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgentLive.Package.Tests;

public sealed class HostingTests
{
    private static string CodexRoot => Path.Combine(AppContext.BaseDirectory, "Roots", "codex");

    [Fact]
    public async Task AddAgentLive_registers_a_monitor_that_starts_with_the_host_and_ends_with_it()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Services.AddAgentLive(options =>
        {
            options.Sources.Clear();
            options.Sources.Add(new AgentLive.Sources.CodexSessionSource(new() { Roots = [CodexRoot] }));
            options.LookBack = TimeSpan.FromDays(3650);
            options.DetectProcesses = false;
        });
        using IHost host = builder.Build();

        await host.StartAsync();
        SessionMonitor monitor = host.Services.GetRequiredService<SessionMonitor>();
        LiveSession session = Assert.Single(monitor.GetSessions());
        Assert.Equal("codex:01a20af1-9deb-72a0-b082-b49752aa3a70", session.Id);
        Assert.Same(monitor, host.Services.GetRequiredService<SessionMonitor>());

        IAsyncEnumerator<SessionEvent> events = monitor.WatchAsync().GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync());
        await host.StopAsync();
        host.Dispose();

        // Disposing the container disposes the monitor, which ends every enumeration.
        while (await events.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(15)))
        {
        }

        await events.DisposeAsync();
    }

    [Fact]
    public void AddAgentLive_without_a_configuration_uses_the_defaults()
    {
        var services = new ServiceCollection().AddLogging().AddAgentLive();
        using ServiceProvider provider = services.BuildServiceProvider();

        SessionMonitor monitor = provider.GetRequiredService<SessionMonitor>();
        Assert.Same(monitor, provider.GetRequiredService<SessionMonitor>());
        Assert.Single(provider.GetServices<IHostedService>());

        // The documented defaults, with the container's logger factory filled in.
        SessionMonitorOptions options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SessionMonitorOptions>>().Value;
        Assert.Equal(["claude", "codex"], options.Sources.Select(s => s.Name));
        Assert.Equal(TimeSpan.FromHours(24), options.LookBack);
        Assert.Equal(TimeSpan.FromSeconds(2), options.ReconcileInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), options.CompletedGracePeriod);
        Assert.Equal(1024, options.SubscriberQueueCapacity);
        Assert.Same(provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(), options.LoggerFactory);
    }
}
