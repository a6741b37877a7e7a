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

    private static void AssertSameAsReference(byte[] bytes)
    {
        var line = new CodexLine();
        bool parsed = new CodexLineParser().TryParse(bytes, line);
        CodexLine? reference = CodexReferenceParser.Parse(bytes);

        // A developer line is read only up to its role: damage after that is not seen, by design. What the parser
        // reports for it is then exactly a developer line's envelope: its kind, type, role, time and order, nothing more.
        if (parsed && line.ReadPartially && reference is null)
        {
            Assert.Equal(CodexLineKind.ResponseItem, line.Kind);
            Assert.Equal("developer", line.Role);
            var envelope = new CodexLine();
            envelope.Reset();
            (envelope.Kind, envelope.PayloadType, envelope.Role, envelope.Timestamp, envelope.Ordinal, envelope.ReadPartially) =
                (CodexLineKind.ResponseItem, line.PayloadType, "developer", line.Timestamp, line.Ordinal, true);
            Assert.Equal(LineFacts.Describe(envelope), LineFacts.Describe(line));
            Assert.True(bytes.AsSpan().IndexOf("\"developer\""u8) >= 0, "read partially, yet the line names no developer role");
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
