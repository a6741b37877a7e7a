using Microsoft.Playwright;

namespace AgentLive.MissionControl.Tests;

/// <summary>The real server on loopback over a monitor, and one page of headless Chromium for it; disposed together.</summary>
public sealed class ServedPage : IAsyncDisposable
{
    private ServedPage(MissionControlHost server, IBrowserContext context, IPage page)
    {
        Server = server;
        Context = context;
        Page = page;
    }

    public MissionControlHost Server { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Starts the server and opens a page (not yet on the server: a test may route requests first).</summary>
    public static async Task<ServedPage> StartAsync(BrowserFixture browser, SessionMonitor monitor)
    {
        MissionControlHost server = await MissionControlServer.StartAsync(monitor, new MissionControlOptions { Output = TextWriter.Null }, CancellationToken.None);
        IBrowserContext context = await browser.Browser.NewContextAsync();
        context.SetDefaultTimeout((float)TestRoots.Patience.TotalMilliseconds);
        return new ServedPage(server, context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await Server.DisposeAsync();
    }
}
