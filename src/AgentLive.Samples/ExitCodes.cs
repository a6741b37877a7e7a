namespace AgentLive.Samples;

/// <summary>What the host's exit codes mean to a script.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    public const int Failed = 1;

    /// <summary>A bad option, or an unknown session id.</summary>
    public const int UnknownSession = 2;

    public const int BadUsage = 2;

    /// <summary><c>stop</c>: the session has no live agent process.</summary>
    public const int NoLiveProcess = 3;
}
