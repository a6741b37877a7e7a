using System.Text;
using AgentLive.Sources;
using AgentLive.Sources.Claude;
using AgentLive.Sources.Codex;
using AgentLive.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentLive.Tests.Sources.Drift;

/// <summary>What the trackers report of the line types, fields and values they do not know.</summary>
public sealed class UnknownShapeTests
{
    private static ClaudeSessionTracker Claude() =>
        new(new SessionFile("/p/projects/-p/s1.jsonl", SessionFileKind.Main, "s1"), NullLogger.Instance);

    private static CodexSessionTracker Codex() =>
        new(new SessionFile("/h/sessions/2026/11/24/rollout-2026-11-24T00-25-36-t1.jsonl", SessionFileKind.Main, "t1"), NullLogger.Instance);

    private static void Feed(ISessionTracker tracker, params string[] lines)
    {
        foreach (string line in lines)
        {
            tracker.OnLine(Encoding.UTF8.GetBytes(line));
        }
    }

    /// <summary>Every transcript the real clients wrote (final, at each checkpoint, and the sub-agents'), by client.</summary>
    public static TheoryData<string, string> RealTranscripts()
    {
        var data = new TheoryData<string, string>();
        foreach ((string client, string folder) in new[] { ("claude", "projects"), ("codex", "sessions") })
        {
            foreach (string path in Directory.EnumerateFiles(Path.Combine(RealFixture.Root, client), "*.jsonl", SearchOption.AllDirectories)
                .Where(p => p.Contains($"{Path.DirectorySeparatorChar}{folder}{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal))
            {
                data.Add(client, Path.GetRelativePath(RealFixture.Root, path));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RealTranscripts))]
    public void Every_real_recording_replays_with_no_unknown_shape(string client, string transcript)
    {
        ISessionTracker tracker = client == "claude" ? Claude() : Codex();
        foreach (byte[] line in RealFixture.Lines(Path.Combine(RealFixture.Root, transcript)))
        {
            tracker.OnLine(line);
        }

        Assert.Empty(tracker.UnknownShapes);
        Assert.Equal(0, tracker.UnknownLines);
    }

    // Lines in the shapes Claude Code 2.1.332 writes beyond 2.1.328's: new line types, attachments, subtypes, fields.
    private static readonly string[] Claude2_1_332 =
    [
        """{"type":"file-history-delta","messageId":"m1","snapshotMessageId":"m0","trackingPath":"a.txt","backup":{},"timestamp":"2026-11-29T10:00:00Z"}""",
        """{"parentUuid":null,"isSidechain":false,"type":"attachment","attachment":{"type":"plan_mode"},"slug":"calm-river","agentId":"a1","version":"2.1.332","sessionId":"s1","timestamp":"2026-11-29T10:00:01Z"}""",
        """{"type":"attachment","attachment":{"type":"plan_mode_exit"},"version":"2.1.332","timestamp":"2026-11-29T10:00:02Z"}""",
        """{"type":"attachment","attachment":{"type":"deferred_tools_record"},"version":"2.1.332","timestamp":"2026-11-29T10:00:03Z"}""",
        """{"type":"attachment","attachment":{"type":"auto_mode"},"version":"2.1.332","timestamp":"2026-11-29T10:00:04Z"}""",
        """{"type":"user","message":{"role":"user","content":"go"},"queueSkipAttachments":true,"rowSource":"typed","sentAtMs":1,"turnCompanion":null,"origin":{"kind":"human"},"version":"2.1.332","timestamp":"2026-11-29T10:00:05Z"}""",
        """{"type":"assistant","message":{"id":"msg_1","model":"claude-sonnet-4-5","content":[],"usage":{"input_tokens":1,"output_tokens":1}},"attributionAgent":"main","version":"2.1.332","timestamp":"2026-11-29T10:00:06Z"}""",
        """{"type":"system","subtype":"informational","content":"Plan approved","level":"info","version":"2.1.332","timestamp":"2026-11-29T10:00:07Z"}""",
        """{"type":"system","subtype":"turn_duration","durationMs":5,"messageCount":3,"pendingBackgroundAgentCount":1,"version":"2.1.332","timestamp":"2026-11-29T10:00:08Z"}""",
        """{"type":"api-request","id":"r1","params":{"model":"claude-sonnet-4-5"},"thread":"main","echoWireToolInputs":false,"agentId":"a1","version":"2.1.332","timestamp":"2026-11-29T10:00:09Z"}""",
    ];

    // Lines in the shapes Codex 0.171.0 writes beyond 0.169.0's.
    private static readonly string[] Codex0_171 =
    [
        """{"timestamp":"2026-11-29T10:00:00Z","ordinal":0,"type":"session_meta","payload":{"id":"t1","cli_version":"0.171.0","agent_nickname":"Ada","agent_path":"a","multi_agent_version":2,"parent_thread_id":"t0","thread_source":"subagent"}}""",
        """{"timestamp":"2026-11-29T10:00:01Z","ordinal":1,"type":"turn_context","payload":{"model":"gpt-5","effort":"high"}}""",
        """{"timestamp":"2026-11-29T10:00:02Z","ordinal":2,"type":"inter_agent_communication_metadata","payload":{"trigger_turn":true}}""",
        """{"timestamp":"2026-11-29T10:00:03Z","ordinal":3,"type":"response_item","payload":{"type":"agent_message","author":"t0","recipient":"t1","content":[]}}""",
        """{"timestamp":"2026-11-29T10:00:04Z","ordinal":4,"type":"response_item","payload":{"type":"function_call","namespace":"collaboration","name":"spawn_agent","arguments":"{}","call_id":"c1"}}""",
        """{"timestamp":"2026-11-29T10:00:05Z","ordinal":5,"type":"event_msg","payload":{"type":"item_completed","item":{"type":"SubAgentActivity","id":"i1"}}}""",
        """{"timestamp":"2026-11-29T10:00:06Z","ordinal":6,"type":"event_msg","payload":{"type":"item_completed","item":{"type":"CollabAgentToolCall","id":"i2"}}}""",
    ];

    [Fact]
    public void The_newest_clients_shapes_are_all_known()
    {
        ClaudeSessionTracker claude = Claude();
        CodexSessionTracker codex = Codex();

        Feed(claude, Claude2_1_332);
        Feed(codex, Codex0_171);

        Assert.Empty(claude.UnknownShapes);
        Assert.Equal(0, claude.UnknownLines);
        Assert.Empty(codex.UnknownShapes);
        Assert.Equal(0, codex.UnknownLines);
    }

    [Fact]
    public void Unknown_claude_line_types_subtypes_and_attachment_types_are_reported_by_name_and_counted()
    {
        ClaudeSessionTracker tracker = Claude();
        const string Hologram = """{"type":"hologram","sparkle":1,"version":"2.1.400","timestamp":"2026-11-29T10:00:00Z"}""";
        const string Leap = """{"type":"system","subtype":"quantum_leap","timestamp":"2026-11-29T10:00:02Z"}""";

        // A line of an unknown type is named by its type alone; lines that state no version count under the last one stated.
        Feed(tracker, Hologram, Hologram, """{"no_type":true}""", Leap, """{"type":"attachment","attachment":{"type":"hologram"}}""", Leap);

        Assert.Equal(
            [
                new UnknownShape(UnknownShapeKind.LineType, "hologram", "2.1.400", 2),
                new UnknownShape(UnknownShapeKind.LineType, "(no type)", "2.1.400", 1),
                new UnknownShape(UnknownShapeKind.Value, "system/quantum_leap", "2.1.400", 2),
                new UnknownShape(UnknownShapeKind.Value, "attachment/hologram", "2.1.400", 1),
            ],
            tracker.UnknownShapes);
        Assert.Equal(3, tracker.UnknownLines);
    }

    [Fact]
    public void An_unknown_claude_field_is_reported_with_the_lines_version_and_the_tokens_stay_exact()
    {
        ClaudeSessionTracker tracker = Claude();

        Feed(
            tracker,
            """{"type":"user","message":{"role":"user","content":"go"},"moodRing":"blue","version":"2.1.400","timestamp":"2026-11-29T10:00:00Z"}""",
            """{"type":"assistant","moodRing":"red","message":{"id":"msg_1","model":"claude-sonnet-4-5","content":[{"type":"text","text":"hi"}],"stop_reason":"end_turn","usage":{"input_tokens":10,"output_tokens":5,"cache_read_input_tokens":100,"cache_creation_input_tokens":20}},"version":"2.1.400","timestamp":"2026-11-29T10:00:01Z"}""",
            """{"type":"assistant","message":{"id":"msg_2","model":"claude-sonnet-4-5","content":[],"stop_reason":"end_turn","usage":{"input_tokens":1,"output_tokens":2,"cache_read_input_tokens":3,"cache_creation_input_tokens":4}},"version":"2.1.401","moodRing":"red","timestamp":"2026-11-29T10:00:02Z"}""");

        Assert.Equal(
            [new UnknownShape(UnknownShapeKind.Field, "moodRing", "2.1.400", 2), new UnknownShape(UnknownShapeKind.Field, "moodRing", "2.1.401", 1)],
            tracker.UnknownShapes);
        Assert.Equal(0, tracker.UnknownLines);
        Assert.Equal(new TokenUsage(11, 7, 103, 24, 0), tracker.GetFacts().Tokens);
        Assert.Equal(1, tracker.GetFacts().TurnCount);
    }

    [Fact]
    public void Unknown_codex_shapes_are_reported_under_the_sessions_cli_version_and_the_tokens_stay_exact()
    {
        CodexSessionTracker tracker = Codex();

        Feed(
            tracker,
            """{"timestamp":"2026-11-29T10:00:00Z","ordinal":0,"type":"session_meta","payload":{"id":"t1","cli_version":"0.200.0","cwd":"/p"}}""",
            """{"timestamp":"2026-11-29T10:00:01Z","ordinal":1,"type":"hologram","payload":{"sparkle":1}}""",
            """{"timestamp":"2026-11-29T10:00:02Z","ordinal":2,"sparkle":1,"type":"event_msg","payload":{"type":"token_count","sparkle":2,"info":{"total_token_usage":{"input_tokens":100,"cached_input_tokens":40,"output_tokens":10,"reasoning_output_tokens":0}}}}""",
            """{"timestamp":"2026-11-29T10:00:03Z","ordinal":3,"type":"event_msg","payload":{"type":"quantum_leap"}}""",
            """{"timestamp":"2026-11-29T10:00:04Z","ordinal":4,"type":"response_item","payload":{"type":"quantum_leap"}}""",
            """{"timestamp":"2026-11-29T10:00:05Z","ordinal":5,"type":"event_msg","payload":{"type":"item_completed","item":{"type":"Hologram"}}}""",
            """{"timestamp":"2026-11-29T10:00:06Z","ordinal":6,"type":"event_msg","payload":{"type":"quantum_leap"}}""");

        Assert.Equal(
            [
                new UnknownShape(UnknownShapeKind.LineType, "hologram", "0.200.0", 1),
                new UnknownShape(UnknownShapeKind.Field, "sparkle", "0.200.0", 1),
                new UnknownShape(UnknownShapeKind.Field, "payload.sparkle", "0.200.0", 1),
                new UnknownShape(UnknownShapeKind.Value, "event_msg/quantum_leap", "0.200.0", 2),
                new UnknownShape(UnknownShapeKind.Value, "response_item/quantum_leap", "0.200.0", 1),
                new UnknownShape(UnknownShapeKind.Value, "item/Hologram", "0.200.0", 1),
            ],
            tracker.UnknownShapes);
        Assert.Equal(1, tracker.UnknownLines);
        Assert.Equal(new TokenUsage(60, 10, 40, 0, 0), tracker.GetFacts().Tokens);
        Assert.Equal("/p", tracker.GetFacts().ProjectPath);
    }

    [Fact]
    public void A_tracker_keeps_a_bounded_number_of_names_each_of_bounded_length()
    {
        ClaudeSessionTracker tracker = Claude();
        string huge = new('x', 10_000);

        Feed(tracker, $$"""{"type":"user","message":{"role":"user","content":"go"},"{{huge}}":1}""");
        Feed(tracker, [.. Enumerable.Range(0, 200).Select(i => $$"""{"type":"user","message":{"role":"user","content":"go"},"f{{i}}":1}""")]);

        Assert.Equal(64, tracker.UnknownShapes.Count);
        Assert.Equal(new string('x', 128), tracker.UnknownShapes[0].Name);
        Assert.Equal("f62", tracker.UnknownShapes[^1].Name);
        Assert.Equal(201, tracker.GetFacts().TurnCount);
    }

    [Fact]
    public void Lines_whose_shapes_were_seen_before_allocate_nothing_for_them()
    {
        ClaudeSessionTracker tracker = Claude();
        byte[] known = Encoding.UTF8.GetBytes("""{"type":"system","subtype":"turn_duration","uuid":"u","version":"2.1.400","timestamp":"2026-11-29T10:00:00Z"}""");
        byte[] drifted = Encoding.UTF8.GetBytes("""{"type":"system","subtype":"quantum_leap","sparkle":1,"version":"2.1.400","timestamp":"2026-11-29T10:00:00Z"}""");
        tracker.OnLine(known);
        tracker.OnLine(drifted);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            tracker.OnLine(known);
            tracker.OnLine(drifted);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1001, tracker.UnknownShapes[0].Lines);
    }
}
