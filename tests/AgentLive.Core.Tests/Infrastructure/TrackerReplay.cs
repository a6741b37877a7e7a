using AgentLive.Monitoring;
using AgentLive.Sources;
using AgentLive.Tailing;

namespace AgentLive.Tests.Infrastructure;

/// <summary>Replays a transcript into a tracker as a live monitor would see it.</summary>
public static class TrackerReplay
{
    /// <summary>
    /// Appends the transcript to a new file in <paramref name="dir"/> one line at a time, tailing it after each
    /// append; every append must deliver exactly one line and move the tracker's version on.
    /// </summary>
    /// <param name="dir">Where the growing copy is written.</param>
    /// <param name="transcript">The recorded transcript.</param>
    /// <param name="create">Makes the tracker for the copy's path.</param>
    public static async Task<TTracker> ReplayAsync<TTracker>(TempDirectory dir, string transcript, Func<string, TTracker> create)
        where TTracker : ISessionTracker
    {
        string path = dir.File($"{Guid.NewGuid():N}.jsonl");
        TTracker tracker = create(path);
        var reader = new TailReader();
        TailPosition position = TailPosition.Start;
        long version = -1;
        await using (File.Create(path))
        {
        }

        foreach (byte[] line in RealFixture.Lines(transcript))
        {
            await Appender.AppendLinesAsync(path, [line]);
            TailReadResult result = await reader.ReadAsync(path, position, new TranscriptSink(tracker));
            Assert.Equal(1, result.Lines);
            Assert.True(tracker.Version > version);
            version = tracker.Version;
            position = result.Position;
            _ = tracker.GetFacts();
        }

        return tracker;
    }
}
