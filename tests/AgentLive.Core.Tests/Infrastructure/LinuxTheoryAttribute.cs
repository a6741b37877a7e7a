namespace AgentLive.Tests.Infrastructure;

/// <summary>A theory about behaviour that only Linux offers (start times from /proc, symbolic links as the agents make them).</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Linux only";
        }
    }
}
