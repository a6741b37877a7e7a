using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentLive.MissionControl;

/// <summary>Mission Control as a server of its own: a live web view of every agent the monitor sees.</summary>
/// <example>
/// <code>
/// await using var monitor = SessionMonitor.Create();
/// await MissionControlServer.RunAsync(monitor, new MissionControlOptions(), cancellationToken); // prints the URL
/// </code>
/// </example>
public static class MissionControlServer
{
    /// <summary>The address used when none is given: a free port on loopback.</summary>
    public const string DefaultUrls = "http://127.0.0.1:0";

    /// <summary>Starts the server, prints the URL it listens on, and serves until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="monitor">The monitor to show; the caller owns it.</param>
    /// <param name="options">How to serve it.</param>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <returns>A task that completes when the server has stopped.</returns>
    public static async Task RunAsync(SessionMonitor monitor, MissionControlOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using MissionControlHost host = await StartAsync(monitor, options, cancellationToken);
        TextWriter output = options.Output ?? Console.Out;
        await output.WriteLineAsync($"Mission Control: {host.Url}");
        await output.FlushAsync(cancellationToken);
        await host.WaitForShutdownAsync(cancellationToken);
    }

    /// <summary>Starts the monitor and the server and returns once both are running.</summary>
    /// <param name="monitor">The monitor to show; the caller owns it.</param>
    /// <param name="options">How to serve it.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    public static async Task<MissionControlHost> StartAsync(SessionMonitor monitor, MissionControlOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(options);
        TextWriter output = options.Output ?? Console.Out;
        string[] urls = (options.Urls ?? DefaultUrls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (string url in urls)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out Uri? uri))
            {
                throw new ArgumentException($"'{url}' is not a URL such as http://127.0.0.1:5000.", nameof(options));
            }

            if (!IsLoopback(uri.Host))
            {
                await output.WriteLineAsync($"warning: Mission Control listens on {url}, beyond this machine: anyone who can reach it sees every session (stopping one still needs the page's token).");
                if (uri.Host is not ("0.0.0.0" or "[::]"))
                {
                    options.AllowedHosts.Add(uri.Host);
                }
            }
        }

        await monitor.StartAsync(cancellationToken);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ApplicationName = typeof(MissionControlServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        // The server's own warnings go to stderr, one line each; stdout carries only the URL.
        builder.Logging
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMissionControl(monitor, options);

        WebApplication app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(async (context, next) =>
        {
            if (context.RequestServices.GetRequiredService<RequestGuard>().CheckHost(context.Request) is { } refused)
            {
                await Results.Problem(refused, statusCode: StatusCodes.Status400BadRequest, title: "Host not allowed").ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        app.MapMissionControl();
        await app.StartAsync(cancellationToken);
        var bound = app.Urls.Select(u => new Uri(u.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://[::1]", StringComparison.Ordinal))).ToList();
        return new MissionControlHost(app, bound, options.Token!, options.TimeProvider);
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address));
}

/// <summary>A running Mission Control server.</summary>
public sealed class MissionControlHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _time;

    internal MissionControlHost(WebApplication app, IReadOnlyList<Uri> urls, string token, TimeProvider time)
    {
        _app = app;
        _time = time;
        Urls = urls;
        Token = token;
    }

    /// <summary>Gets the page's address (the first one the server listens on).</summary>
    public Uri Url => Urls[0];

    /// <summary>Gets every address the server listens on.</summary>
    public IReadOnlyList<Uri> Urls { get; }

    /// <summary>Gets this run's token for mutating requests (the page it serves already has it).</summary>
    public string Token { get; }

    /// <summary>Waits until the server is asked to stop: <paramref name="cancellationToken"/>, or SIGTERM / Ctrl-C.</summary>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <returns>A task that completes when the server should stop.</returns>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using CancellationTokenRegistration a = cancellationToken.Register(() => stopping.TrySetResult());
        using CancellationTokenRegistration b = _app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        await stopping.Task;
    }

    /// <summary>Stops the server (not the monitor, which the caller owns).</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
