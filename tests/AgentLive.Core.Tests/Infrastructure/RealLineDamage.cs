using AgentLive.Sources;
using AgentLive.State;
using FsCheck;
using FsCheck.Fluent;

namespace AgentLive.Tests.Infrastructure;

/// <summary>Shared by the parser properties of every source.</summary>
public static class RealLineDamage
{
    /// <summary>Real lines with bytes overwritten or cut off: input that is almost right reaches deep code paths.</summary>
    public static Arbitrary<byte[]> From(byte[][] lines) =>
        (from index in Gen.Choose(0, lines.Length - 1)
         from edits in Gen.Choose(0, 4)
         from positions in Gen.Choose(0, int.MaxValue).ArrayOf(edits)
         from values in Gen.Choose(0, 255).ArrayOf(edits)
         from cut in Gen.Elements(true, false)
         from cutAt in Gen.Choose(0, int.MaxValue)
         select Damage(lines[index], positions, values, cut ? cutAt : -1)).ToArbitrary();

    /// <summary>Feeds bytes to a fresh tracker around a valid line and evaluates it: nothing may throw.</summary>
    public static void FeedTracker(ISessionTracker tracker, byte[] bytes, byte[] validLine)
    {
        tracker.OnLine(bytes);
        tracker.OnLine(validLine);
        tracker.OnLine(bytes);
        AgentState activity = SessionStatusRules.Evaluate(tracker.GetFacts(), new SessionContext(DateTimeOffset.UnixEpoch));
        Assert.True(Enum.IsDefined(activity.Status));
    }

    /// <summary>
    /// The line without the ranges a parser leaves out unread (in order, not overlapping): what the reference must
    /// agree with when damage fell inside them, which the parser by design does not see.
    /// </summary>
    public static byte[] Without(byte[] line, params Range[] unread)
    {
        var kept = new List<byte>(line.Length);
        int from = 0;
        foreach (Range range in unread)
        {
            (int offset, int length) = range.GetOffsetAndLength(line.Length);
            if (length > 0)
            {
                kept.AddRange(line[from..offset]);
                from = offset + length;
            }
        }

        kept.AddRange(line[from..]);
        return [.. kept];
    }

    private static byte[] Damage(byte[] line, int[] positions, int[] values, int cutAt)
    {
        byte[] copy = [.. line];
        for (int i = 0; i < positions.Length; i++)
        {
            copy[positions[i] % copy.Length] = (byte)values[i];
        }

        return cutAt < 0 ? copy : copy[..(cutAt % (copy.Length + 1))];
    }
}
