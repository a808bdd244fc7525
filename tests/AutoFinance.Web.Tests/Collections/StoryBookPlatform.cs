namespace AutoFinance.Web.Tests.Collections;

/// <summary>The platform on SQLite with the demo story book seeded: loans in every lateness state, with their history.</summary>
public sealed class StoryBookPlatform : SqlitePlatform
{
    protected override IEnumerable<string> Arguments => ["--Demo:StoryBook=true"];
}

/// <summary>The platform on PostgreSQL with the demo story book seeded.</summary>
public sealed class StoryBookPostgresPlatform : PostgresPlatform
{
    protected override IEnumerable<string> Arguments => ["--Demo:StoryBook=true"];
}
