using AgentLive.Monitoring;
using AgentLive.Sources;
using AgentLive.Tailing;
using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentLive.Tests.Sources;

/// <summary>What every <see cref="ISessionSource"/> must do, run against each built-in source (and any future one).</summary>
public abstract class SessionSourceContractTests : IDisposable
{
    private readonly FixtureRoot _root = new();

    protected abstract string Client { get; }

    protected abstract ISessionSource CreateSource(string root);

    public void Dispose()
    {
        _root.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void The_name_is_short_lower_case_and_the_roots_are_the_ones_given()
    {
        ISessionSource source = CreateSource(_root.Path);

        Assert.Matches("^[a-z][a-z0-9-]*$", source.Name);
        Assert.Equal([_root.Path], source.Roots);
    }

    [Fact]
    public async Task Every_recording_is_recognised_where_the_client_put_it_and_tracked_to_the_recorded_facts()
    {
        ISessionSource source = CreateSource(_root.Path);
        foreach (string scenario in RealFixture.ScenarioNames(Client))
        {
            RealFixture fixture = RealFixture.Load(Client, scenario);
            string path = _root.Copy(fixture);

            Assert.True(source.TryGetSessionFile(path, out SessionFile file), scenario);
            Assert.Contains(source.GetTranscriptDirectories(_root.Path), d => path.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            Assert.Equal(SessionFileKind.Main, file.Kind);

            ISessionTracker tracker = source.CreateTracker(file, NullLogger.Instance);
            await new TailReader().ReadAsync(path, TailPosition.Start, new TranscriptSink(tracker));
            SessionFacts facts = tracker.GetFacts();
            Assert.Equal(fixture.Expected.GetProperty("session_id").GetString(), facts.SourceSessionId);
            Assert.Equal(fixture.Expected.GetProperty("user_prompts").GetInt32(), facts.TurnCount);
            Assert.Equal(0, tracker.MalformedLines);

            tracker.OnReset();
            Assert.Equal(0, tracker.GetFacts().TurnCount);
        }
    }

    [Fact]
    public async Task The_message_reader_finds_every_prompt()
    {
        ISessionSource source = CreateSource(_root.Path);
        foreach (string scenario in RealFixture.ScenarioNames(Client))
        {
            RealFixture fixture = RealFixture.Load(Client, scenario);
            ISessionMessageReader reader = source.CreateMessageReader();

            await new TailReader().ReadAsync(fixture.Transcript, TailPosition.Start, new TranscriptSink(reader));

            Assert.Equal(fixture.Expected.GetProperty("user_prompts").GetInt32(), reader.Messages.Count(m => m.Role == MessageRole.User));
        }
    }

    [Fact]
    public void Files_that_are_not_transcripts_are_ignored()
    {
        ISessionSource source = CreateSource(_root.Path);

        Assert.False(source.TryGetSessionFile(Path.Combine(_root.Path, "notes.txt"), out _));
        Assert.False(source.TryGetSessionFile(Path.Combine(_root.Path, "history.jsonl"), out _));
    }

    [Fact]
    public async Task Reading_live_status_of_an_empty_root_gives_nothing_and_does_not_throw()
    {
        Assert.Empty(await CreateSource(_root.Path).ReadLiveStatusAsync(CancellationToken.None));
    }
}

public sealed class ClaudeSourceContractTests : SessionSourceContractTests
{
    protected override string Client => "claude";

    protected override ISessionSource CreateSource(string root) => new ClaudeSessionSource(new ClaudeSourceOptions { Roots = [root] });
}

public sealed class CodexSourceContractTests : SessionSourceContractTests
{
    protected override string Client => "codex";

    protected override ISessionSource CreateSource(string root) => new CodexSessionSource(new CodexSourceOptions { Roots = [root] });
}
