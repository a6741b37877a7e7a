using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentLive.Hosting;

/// <summary>Registers AgentLive with a service collection.</summary>
public static class AgentLiveServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="SessionMonitor"/> singleton, configured through the options pattern, and a hosted service
    /// that starts it with the host. The monitor logs through the container's <see cref="ILoggerFactory"/> and reads
    /// time from its <see cref="TimeProvider"/> when one is registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the defaults (both built-in sources, their default roots); may be <see langword="null"/>.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddAgentLive(options => options.LookBack = TimeSpan.FromHours(4));
    /// // later: inject SessionMonitor and await foreach over monitor.WatchAsync(ct)
    /// </code>
    /// </example>
    public static IServiceCollection AddAgentLive(this IServiceCollection services, Action<SessionMonitorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        OptionsBuilder<SessionMonitorOptions> options = services.AddOptions<SessionMonitorOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(provider =>
        {
            SessionMonitorOptions settings = provider.GetRequiredService<IOptions<SessionMonitorOptions>>().Value;
            settings.LoggerFactory ??= provider.GetService<ILoggerFactory>();
            settings.TimeProvider ??= provider.GetService<TimeProvider>();
            return SessionMonitor.Create(settings);
        });
        services.AddHostedService<AgentLiveHostedService>();
        return services;
    }
}
