namespace AgentLive.Tests.Infrastructure;

/// <summary>A fact about behaviour that only Linux offers (inodes from /proc, signals to child processes).</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Linux only";
        }
    }
}
