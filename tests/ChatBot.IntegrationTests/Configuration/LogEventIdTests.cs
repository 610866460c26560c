using System.Reflection;
using Microsoft.Extensions.Logging;

namespace ChatBot.IntegrationTests.Configuration;

/// <summary>
/// Every log event of the bot has an explicit id, unique across the whole bot, in its project's range, so a log shipper
/// can filter by id and two areas never share one.
/// </summary>
public sealed class LogEventIdTests
{
    private static readonly (string Assembly, int First, int Last)[] Ranges =
    [
        ("ChatBot.Core", 1000, 1999),
        ("ChatBot.Storage", 2000, 2999),
        ("ChatBot.Storage.Postgres", 2700, 2799),
        ("ChatBot.Providers", 3000, 3999),
        ("ChatBot.Discord", 4000, 4999),
        ("ChatBot.Slack", 5000, 5999),
        ("ChatBot.Host", 6000, 6999),
    ];

    [Fact]
    public void LoggerMessages_EveryEventId_IsExplicitUniqueAndInItsProjectsRange()
    {
        var problems = new List<string>();
        var seen = new Dictionary<int, string>();
        foreach (var (assemblyName, first, last) in Ranges)
        {
            var assembly = Assembly.Load(assemblyName);
            foreach (var (method, attribute) in LogMethods(assembly))
            {
                var name = $"{method.DeclaringType?.FullName}.{method.Name}";
                if (attribute.EventId < first || attribute.EventId > last)
                {
                    problems.Add($"{name}: event id {attribute.EventId} is outside {assemblyName}'s range {first}–{last}");
                }

                if (!seen.TryAdd(attribute.EventId, name))
                {
                    problems.Add($"{name}: event id {attribute.EventId} is also used by {seen[attribute.EventId]}");
                }
            }
        }

        problems.ShouldBeEmpty();
        seen.Count.ShouldBeGreaterThan(50);
    }

    private static IEnumerable<(MethodInfo Method, LoggerMessageAttribute Attribute)> LogMethods(Assembly assembly)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(All))
            {
                if (method.GetCustomAttribute<LoggerMessageAttribute>() is { } attribute)
                {
                    yield return (method, attribute);
                }
            }
        }
    }
}
