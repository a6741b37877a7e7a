using System.Text;
using AgentLive.Parsing;
using FsCheck.Xunit;

namespace AgentLive.Tests.Parsing;

/// <summary>The name set and the string cache answer by their bytes alone, whatever their hash makes collide.</summary>
public sealed class Utf8LookupProperties
{
    [Property(MaxTest = 500)]
    public void A_name_is_in_the_set_exactly_when_its_string_is(string[] names, string[] others)
    {
        string[] members = [.. names.Where(n => n is not null).Distinct()];
        var set = new Utf8NameSet(members);
        foreach (string name in members.Concat(others.Where(o => o is not null)))
        {
            Assert.Equal(members.Contains(name), set.Contains(Encoding.UTF8.GetBytes(name)));
        }
    }

    [Fact]
    public void Values_that_differ_in_one_byte_anywhere_in_their_first_64_land_apart()
    {
        // A value differing from others in one byte at any place up to 64, e.g. a path's middle: collisions are
        // misses, so a hash that skipped some bytes would make such values take each other's entry every time.
        byte[] value = Encoding.ASCII.GetBytes(new string('p', 72));
        for (int at = 0; at < 64; at++)
        {
            var buckets = new HashSet<int>();
            for (char c = 'a'; c <= 'z'; c++)
            {
                byte[] variant = [.. value];
                variant[at] = (byte)c;
                buckets.Add(Utf8StringCache.Hash(variant) & 127);
            }

            Assert.True(buckets.Count >= 15, $"byte {at}: 26 values in {buckets.Count} of 128 buckets");
        }
    }

    [Property(MaxTest = 500)]
    public void The_cache_gives_back_the_value_read_however_values_collide(string[] values)
    {
        // Two slots: most values share one with another and replace it.
        var cache = new Utf8StringCache(capacity: 2);
        foreach (string value in values.Where(v => v is not null).SelectMany(v => new[] { v, v + "x", v }))
        {
            string text = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value));
            Assert.Equal(text, cache.Get(Encoding.UTF8.GetBytes(value)));
        }
    }
}
