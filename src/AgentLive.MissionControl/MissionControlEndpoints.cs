using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AgentLive.MissionControl;

/// <summary>Adds Mission Control (the page, its HTTP API, its event stream and <c>/metrics</c>) to an ASP.NET Core app.</summary>
/// <example>
/// <code>
/// builder.Services.AddMissionControl(monitor);
/// var app = builder.Build();
/// app.MapMissionControl();
/// </code>
/// </example>
public static class MissionControlEndpoints
{
    private const string Json = "application/json; charset=utf-8";

    /// <summary>Registers what Mission Control needs: the monitor, one shared event feed (a hosted service), problem
    /// details for errors, and the <c>AgentLive</c> meter exported for Prometheus (and over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set).</summary>
    /// <param name="services">The app's services.</param>
    /// <param name="monitor">The monitor to show; the caller owns it.</param>
    /// <param name="options">How to serve it; defaults apply when <see langword="null"/>.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddMissionControl(this IServiceCollection services, SessionMonitor monitor, MissionControlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(monitor);
        options ??= new MissionControlOptions();
        options.Token ??= RequestGuard.NewToken();
        services.TryAddSingleton(monitor);
        services.AddSingleton(options);
        services.AddSingleton(new RequestGuard(options.Token, options.AllowedHosts));
        services.AddSingleton(sp => new LiveFeed(sp.GetRequiredService<SessionMonitor>(), options));
        services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        services.AddProblemDetails();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("agentlive-mission-control"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter("AgentLive").AddPrometheusExporter();
                if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
                {
                    metrics.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>Maps the page (<c>/</c>), the API (<c>/api/live/…</c>), the event stream and <c>/metrics</c>.</summary>
    /// <param name="endpoints">The app's routes.</param>
    /// <param name="prefix">Where to mount it (empty: the root).</param>
    /// <returns>The route group, for more conventions.</returns>
    public static RouteGroupBuilder MapMissionControl(this IEndpointRouteBuilder endpoints, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        RouteGroupBuilder group = endpoints.MapGroup(prefix);
        group.AddEndpointFilter(async (context, next) =>
        {
            HttpContext http = context.HttpContext;
            if (http.RequestServices.GetRequiredService<RequestGuard>().CheckHost(http.Request) is { } refused)
            {
                return TypedResults.Problem(refused, statusCode: StatusCodes.Status400BadRequest, title: "Host not allowed");
            }

            http.Response.Headers["X-Content-Type-Options"] = "nosniff";
            http.Response.Headers["Referrer-Policy"] = "no-referrer";
            return await next(context);
        });

        group.MapGet("/", (HttpContext http, RequestGuard guard, MissionControlOptions options) =>
        {
            http.Response.Headers.ContentSecurityPolicy = StaticAssets.ContentSecurityPolicy;
            http.Response.Headers.XFrameOptions = "DENY";
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Text(StaticAssets.Index(guard.Token, options.Note), "text/html; charset=utf-8");
        });
        group.MapGet("/assets/{name}", (string name, HttpContext http) =>
        {
            if (name == "index.html" || !StaticAssets.TryGet(name, out byte[] content, out string type))
            {
                return Results.Problem($"No asset named '{name}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
            }

            http.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(content, type);
        });

        RouteGroupBuilder api = group.MapGroup("/api/live");
        api.MapGet("/sessions", (SessionMonitor monitor) =>
            TypedResults.Text(AgentLiveJson.Serialize([.. MonitorAccess.Ordered(monitor.GetSessions())]), Json));
        api.MapGet("/sessions/{id}", (string id, SessionMonitor monitor) =>
            monitor.TryGetSession(id, out LiveSession? session) ? Results.Text(AgentLiveJson.Serialize(session), Json) : UnknownSession(id));
        api.MapGet("/sessions/{id}/messages", async (string id, SessionMonitor monitor, CancellationToken cancellationToken) =>
            await monitor.GetMessagesAsync(id, cancellationToken) is { } messages ? Results.Text(AgentLiveJson.Serialize(messages), Json) : UnknownSession(id));
        api.MapGet("/summary", (SessionMonitor monitor) => TypedResults.Text(AgentLiveJson.Serialize(monitor.GetSummary()), Json));
        api.MapGet("/stream", (HttpContext http, LiveFeed feed, CancellationToken cancellationToken) =>
        {
            http.Response.Headers["X-Accel-Buffering"] = "no";
            http.Response.Headers.CacheControl = "no-cache";
            string? lastEventId = http.Request.Headers["Last-Event-ID"];
            return TypedResults.ServerSentEvents(feed.StreamAsync(string.IsNullOrEmpty(lastEventId) ? null : lastEventId, cancellationToken));
        });
        api.MapPost("/sessions/{id}/stop", async (string id, HttpContext http, RequestGuard guard, SessionMonitor monitor, CancellationToken cancellationToken) =>
        {
            if (guard.CheckMutation(http.Request) is { } refused)
            {
                return Results.Problem(refused, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
            }

            StopResult result = await monitor.StopSessionAsync(id, cancellationToken);
            string outcome = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(result.Outcome.ToString());
            int status = result.Outcome switch
            {
                StopOutcome.Stopped or StopOutcome.Killed => StatusCodes.Status200OK,
                StopOutcome.UnknownSession => StatusCodes.Status404NotFound,
                StopOutcome.Refused => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status409Conflict,
            };
            var body = new Dictionary<string, object?> { ["sessionId"] = id, ["outcome"] = outcome, ["pid"] = result.Pid };
            return status == StatusCodes.Status200OK
                ? Results.Text(AgentLiveJson.Serialize(result), Json)
                : Results.Problem(result.Message, statusCode: status, title: outcome, extensions: body);
        });

        group.MapPrometheusScrapingEndpoint("/metrics");
        return group;
    }

    private static IResult UnknownSession(string id) =>
        Results.Problem($"No current session has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown session");
}
