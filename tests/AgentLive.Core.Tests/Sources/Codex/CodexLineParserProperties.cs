using System.Text;
using AgentLive.Sources;
using AgentLive.Sources.Codex;
using AgentLive.Tests.Infrastructure;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentLive.Tests.Sources.Codex;

public sealed class CodexLineParserProperties
{
    private static readonly byte[][] RealLines = [.. new[] { RealFixture.FirstSet, "real-v3" }
        .SelectMany(set => RealFixture.ScenarioNames("codex", set).SelectMany(scenario => RealFixture.Load("codex", scenario, set).Transcripts))
        .SelectMany(RealFixture.Lines)];

    public static class Generators
    {
        public static Arbitrary<JsonTree> Lines() => CodexLineGenerators.Lines();

        public static Arbitrary<byte[]> DamagedLines() => RealLineDamage.From(RealLines);
    }

    [Property(MaxTest = 1000)]
    public void Arbitrary_bytes_never_throw(byte[] bytes) => FeedEverywhere(bytes);

    [Property(MaxTest = 1000, Arbitrary = [typeof(Generators)])]
    public void Damaged_real_lines_never_throw_and_agree_with_the_reference(byte[] DamagedLines)
    {
        FeedEverywhere(DamagedLines);
        AssertSameAsReference(DamagedLines);
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(Generators)])]
    public void Property_order_and_white_space_do_not_change_the_facts(JsonTree line, int seedA, int seedB)
    {
        var parser = new CodexLineParser();
        var a = new CodexLine();
        var b = new CodexLine();

        Assert.True(parser.TryParse(Encoding.UTF8.GetBytes(line.Write(seedA)), a));
        Assert.True(parser.TryParse(Encoding.UTF8.GetBytes(line.Write(seedB)), b));
        Assert.Equal(LineFacts.Describe(a), LineFacts.Describe(b));
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(Generators)])]
    public void Generated_lines_give_the_reference_parser_facts(JsonTree line, int seed) =>
        AssertSameAsReference(Encoding.UTF8.GetBytes(line.Write(seed)));

    [Fact]
    public void Every_real_line_gives_the_reference_parser_facts()
    {
        Assert.NotEmpty(RealLines);
        foreach (byte[] line in RealLines)
        {
            // Every real line is whole JSON: the comparison below never takes the damaged-developer-line path.
            Assert.NotNull(CodexReferenceParser.Parse(line));
            AssertSameAsReference(line);
        }
    }

    [Fact]
    public void Every_real_world_state_line_is_read_up_to_its_payload_only()
    {
        byte[][] worldStates = [.. RealLines.Where(bytes => bytes.AsSpan(0, Math.Min(bytes.Length, 128)).IndexOf("\"type\":\"world_state\""u8) >= 0)];
        Assert.NotEmpty(worldStates);
        foreach (byte[] bytes in worldStates)
        {
            var line = new CodexLine();
            Assert.True(new CodexLineParser().TryParse(bytes, line));
            Assert.Equal(CodexLineKind.Bookkeeping, line.Kind);
            Assert.True(line.ReadPartially);
            Assert.NotNull(line.Timestamp);
        }
    }

    private static void AssertSameAsReference(byte[] bytes)
    {
        var line = new CodexLine();
        bool parsed = new CodexLineParser().TryParse(bytes, line);
        CodexLine? reference = CodexReferenceParser.Parse(bytes);

        // A header's instructions text is left out unread: damage inside it is not seen, by design. The facts are then
        // exactly those of the line without that text.
        if (parsed && reference is null && CodexInstructions.TryFind(bytes, out Range instructions))
        {
            reference = CodexReferenceParser.Parse(RealLineDamage.Without(bytes, instructions));
            Assert.NotNull(reference);
        }

        // A developer line is read only up to its role, a world-state line up to its payload: damage after that is
        // not seen, by design. What the parser reports for it is then exactly its envelope: its kind, type, role (for
        // a developer line), time and order, nothing more.
        if (parsed && line.ReadPartially && reference is null)
        {
            bool developer = line.Kind == CodexLineKind.ResponseItem;
            Assert.Equal(developer ? "developer" : null, line.Role);
            var envelope = new CodexLine();
            envelope.Reset();
            (envelope.Kind, envelope.PayloadType, envelope.Role, envelope.Timestamp, envelope.Ordinal, envelope.ReadPartially) =
                (developer ? CodexLineKind.ResponseItem : CodexLineKind.Bookkeeping, line.PayloadType, line.Role, line.Timestamp, line.Ordinal, true);
            Assert.Equal(LineFacts.Describe(envelope), LineFacts.Describe(line));
            Assert.True(
                bytes.AsSpan().IndexOf(developer ? "\"developer\""u8 : "\"world_state\""u8) >= 0,
                "read partially, yet the line names neither a developer role nor a world state");
            return;
        }

        Assert.Equal(LineFacts.Describe(reference), LineFacts.Describe(parsed ? line : null));
    }

    private static void FeedEverywhere(byte[] bytes)
    {
        new CodexLineParser().TryParse(bytes, new CodexLine());
        RealLineDamage.FeedTracker(new CodexSessionTracker(new SessionFile("rollout-x.jsonl", SessionFileKind.Main, "x"), NullLogger.Instance), bytes, RealLines[0]);
    }
}
