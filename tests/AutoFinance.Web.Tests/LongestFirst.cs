using System.Reflection;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("AutoFinance.Web.Tests.LongestFirst", "AutoFinance.Web.Tests")]

namespace AutoFinance.Web.Tests;

/// <summary>A test class that takes a minute or more on its own; <see cref="LongestFirst"/> starts it before the others.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsLongAttribute : Attribute;

/// <summary>
/// Starts the classes marked <see cref="RunsLongAttribute"/> first, the rest in xUnit's own order: a long class started
/// last runs on alone while the other cores wait for it.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private const string PerClassPrefix = "Test collection for ";

    private readonly DefaultTestCollectionOrderer _default = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        _default.OrderTestCollections(testCollections).OrderByDescending(RunsLong);

    private static bool RunsLong(ITestCollection collection) =>
        collection.DisplayName.StartsWith(PerClassPrefix, StringComparison.Ordinal)
        && typeof(LongestFirst).Assembly.GetType(collection.DisplayName[PerClassPrefix.Length..].Split(' ')[0]) is { } type
        && type.GetCustomAttribute<RunsLongAttribute>() is not null;
}
