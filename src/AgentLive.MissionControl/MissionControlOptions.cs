namespace AgentLive.MissionControl;

/// <summary>How Mission Control listens, guards its routes and paces its event stream.</summary>
public sealed class MissionControlOptions
{
    /// <summary>Gets or sets the addresses to listen on, separated by <c>;</c>. Defaults to a free port on loopback
    /// (<c>http://127.0.0.1:0</c>). Anything other than loopback must be asked for and is announced with a warning.</summary>
    public string? Urls { get; set; }

    /// <summary>Gets or sets the secret that mutating requests must carry in the <c>X-AgentLive-Token</c> header.
    /// Defaults to a random value made for each run; the page receives it from the host that serves it.</summary>
    public string? Token { get; set; }

    /// <summary>Gets the extra host names a request may address (the <c>Host</c> header) besides loopback names and
    /// IP literals; the hosts named in <see cref="Urls"/> are added by the server itself.</summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>Gets or sets how many recent events are kept for clients that reconnect (<c>Last-Event-ID</c>).</summary>
    public int ReplayCapacity { get; set; } = 4096;

    /// <summary>Gets or sets how many events may wait for one slow client before it is resynchronized with a fresh snapshot.</summary>
    public int ClientQueueCapacity { get; set; } = 1024;

    /// <summary>Gets or sets how long an event stream may stay silent before a heartbeat is sent.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets the clock of the server (heartbeats); defaults to <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets where the server writes the URL it listens on and its warnings; defaults to standard output.</summary>
    public TextWriter? Output { get; set; }

    /// <summary>Gets or sets a note shown in the page header (for example that it shows a demo).</summary>
    public string? Note { get; set; }
}
