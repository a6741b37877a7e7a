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
