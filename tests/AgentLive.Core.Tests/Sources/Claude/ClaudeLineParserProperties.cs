using System.Text;
using System.Text.Json;
using AgentLive.Sources;
using AgentLive.Sources.Claude;
using AgentLive.Tests.Infrastructure;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentLive.Tests.Sources.Claude;

public sealed class ClaudeLineParserProperties
{
    private static readonly byte[][] RealLines = [.. new[] { RealFixture.FirstSet, RealFixture.V3Set, RealFixture.VariantsSet }
        .SelectMany(set => RealFixture.ScenarioNames("claude", set).Select(scenario => RealFixture.Load("claude", scenario, set)))
        .SelectMany(fixture => fixture.SubAgentTranscripts.Prepend(fixture.Transcript))
        .SelectMany(RealFixture.Lines)];

    public static class Generators
    {
        public static Arbitrary<JsonTree> Lines() => ClaudeLineGenerators.Lines();

        /// <summary>Real lines with bytes overwritten or cut off: input that is almost right reaches deep code paths.</summary>
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
        var parser = new ClaudeLineParser();
        var a = new ClaudeLine();
        var b = new ClaudeLine();

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
            AssertSameAsReference(line);
        }
    }

    [Fact]
    public void The_rendered_text_of_every_real_attachment_is_cut_unread()
    {
        int cut = 0;
        foreach (byte[] bytes in RealLines)
        {
            using var document = JsonDocument.Parse(bytes);
            if (!document.RootElement.TryGetProperty("attachment", out JsonElement attachment)
                || !document.RootElement.TryGetProperty("rendered", out JsonElement rendered)
                || attachment.GetProperty("type").GetString() is "queued_command" or "plan_mode")
            {
                continue;
            }

            // What is cut is exactly the inside of the value: with its brackets back, the same JSON.
            Assert.True(ClaudeAttachmentBody.TryFind(bytes, out _, out Range inside));
            byte[] value = [(byte)'[', .. bytes[inside], (byte)']'];
            using var again = JsonDocument.Parse(value);
            Assert.Equal(rendered.GetRawText(), again.RootElement.GetRawText());
            cut++;
        }

        Assert.True(cut > 50, $"{cut} rendered values cut");
    }

    [Fact]
    public void An_escaped_field_name_or_type_is_noted_decoded_as_the_reference_reads_it()
    {
        byte[] real = RealLines.First(line => line.AsSpan().IndexOf(",\"attachment\":{"u8) >= 0);
        byte[] escaped = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(real).Replace(",\"attachment\":{", ",\"\\ttachment\":{", StringComparison.Ordinal));

        var line = new ClaudeLine();
        Assert.True(new ClaudeLineParser().TryParse(escaped, line));
        Assert.Contains("Field:\ttachment", line.Unknowns.ToString(), StringComparison.Ordinal);
        AssertSameAsReference(escaped);

        byte[] type = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(real).Replace("\"type\":\"attachment\"", "\"type\":\"\\ttachment\"", StringComparison.Ordinal));
        Assert.True(new ClaudeLineParser().TryParse(type, line));
        Assert.Equal("LineType:\ttachment", line.Unknowns.ToString());
        AssertSameAsReference(type);
    }

    private static void AssertSameAsReference(byte[] bytes)
    {
        var line = new ClaudeLine();
        bool parsed = new ClaudeLineParser().TryParse(bytes, line);
        ClaudeLine? reference = ClaudeReferenceParser.Parse(bytes);

        // An attachment's body after its type and the text rendered from it are cut unread: damage inside them is not
        // seen, by design. The facts are then exactly those of the line without them.
        if (parsed && reference is null && ClaudeAttachmentBody.TryFind(bytes, out Range body, out Range rendered))
        {
            reference = ClaudeReferenceParser.Parse(RealLineDamage.Without(bytes, body, rendered));
            Assert.NotNull(reference);
        }

        Assert.Equal(LineFacts.Describe(reference), LineFacts.Describe(parsed ? line : null));
    }

    private static void FeedEverywhere(byte[] bytes)
    {
        new ClaudeLineParser().TryParse(bytes, new ClaudeLine());
        RealLineDamage.FeedTracker(new ClaudeSessionTracker(new SessionFile("x.jsonl", SessionFileKind.Main, "x"), NullLogger.Instance), bytes, RealLines[0]);
    }
}
