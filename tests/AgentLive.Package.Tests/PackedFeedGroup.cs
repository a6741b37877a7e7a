namespace AgentLive.Package.Tests;

/// <summary>The tests that install from the packed feed: they share one feed and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedGroup : ICollectionFixture<PackedFeed>
{
    public const string Name = "packages";
}
