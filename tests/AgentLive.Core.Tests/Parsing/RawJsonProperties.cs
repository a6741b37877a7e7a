using System.Text;
using System.Text.Json;
using AgentLive.Parsing;
using AgentLive.Tests.Sources.Claude;
using AgentLive.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AgentLive.Tests.Parsing;

/// <summary>
/// <see cref="RawJson"/> finds where strings and objects end without a tokeniser; <see cref="Utf8JsonReader"/> is the
/// oracle for where they really end.
/// </summary>
public sealed class RawJsonProperties
{
    public static class Generators
    {
        public static Arbitrary<JsonTree> Lines() => ClaudeLineGenerators.Lines();

        /// <summary>Text heavy in what decides a string's end: quotes, backslashes and runs of them.</summary>
        public static Arbitrary<string> Text() =>
            Gen.ArrayOf(Gen.Elements("\"", "\\", "\\\\", "\\\"", "a", "é", "\n", "{", "}", "[", "]", "\u0001", " ")).Select(string.Concat).ToArbitrary();
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(Generators)])]
    public void A_string_ends_where_the_reader_says(string Text, int seed)
    {
        string before = new string(' ', Math.Abs(seed % 5));
        byte[] json = Encoding.UTF8.GetBytes($"{{\"k\":{before}{JsonTree.Escape(Text)},\"after\":\"x\\\"y\"}}");
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();
        reader.Read();
        int open = (int)reader.TokenStartIndex;

        Assert.Equal((int)reader.BytesConsumed - 1, RawJson.StringEnd(json, open));
        Assert.Equal(Text, reader.GetString());
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(Generators)])]
    public void An_object_ends_where_the_reader_says(JsonTree Lines, int seed)
    {
        byte[] json = Encoding.UTF8.GetBytes($"[{Lines.Write(seed)},\"}}\"]");
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();
        int open = (int)reader.TokenStartIndex;
        reader.Skip();

        Assert.Equal((int)reader.BytesConsumed - 1, RawJson.ContainerEnd(json, open));
    }

    [Fact]
    public void A_string_or_object_that_never_closes_has_no_end()
    {
        Assert.Equal(-1, RawJson.StringEnd("\"abc\\\""u8, 0));
        Assert.Equal(-1, RawJson.ContainerEnd("{\"a\":{\"b\":\"}\"}"u8, 0));
    }
}
