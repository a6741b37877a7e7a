using System.Text;
using AgentLive.Sources;
using AgentLive.Sources.Codex;
using AgentLive.State;
using AgentLive.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentLive.Tests.Sources.Codex;

public sealed class CodexLineParserProperties
{
    private static readonly byte[][] RealLines = [.. RealFixture.ScenarioNames("codex")
        .Select(scenario => RealFixture.Load("codex", scenario).Transcript)
        .SelectMany(RealFixture.Lines)];

    public static class Generators
    {
        public static Arbitrary<JsonTree> Lines() => CodexLineGenerators.Lines();

        public static Arbitrary<byte[]> DamagedLines() =>
            (from index in Gen.Choose(0, RealLines.Length - 1)
             from edits in Gen.Choose(0, 4)
             from positions in Gen.Choose(0, int.MaxValue).ArrayOf(edits)
             from values in Gen.Choose(0, 255).ArrayOf(edits)
             from cut in Gen.Elements(true, false)
             from cutAt in Gen.Choose(0, int.MaxValue)
             select Damage(RealLines[index], positions, values, cut ? cutAt : -1)).ToArbitrary();

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
        Assert.Equal(CodexLineFacts.Describe(a), CodexLineFacts.Describe(b));
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
            AssertSameAsReference(line);
        }
    }

    private static void AssertSameAsReference(byte[] bytes)
    {
        var line = new CodexLine();
        bool parsed = new CodexLineParser().TryParse(bytes, line);
        Assert.Equal(CodexLineFacts.Describe(CodexReferenceParser.Parse(bytes)), CodexLineFacts.Describe(parsed ? line : null));
    }

    private static void FeedEverywhere(byte[] bytes)
    {
        new CodexLineParser().TryParse(bytes, new CodexLine());
        var tracker = new CodexSessionTracker(new SessionFile("rollout-x.jsonl", SessionFileKind.Main, "x"), NullLogger.Instance);
        tracker.OnLine(bytes, 0);
        tracker.OnLine(RealLines[0], bytes.Length);
        tracker.OnLine(bytes, 0);
        SessionActivity activity = tracker.Evaluate(new SessionContext(DateTimeOffset.UnixEpoch));
        Assert.True(Enum.IsDefined(activity.Status));
    }
}
