using System.Reflection;
using System.Text.Json;
using ChatBot.Host;
using Microsoft.Extensions.Configuration;

namespace ChatBot.IntegrationTests.Configuration;

/// <summary>appsettings.example.json documents every setting: each Options class's every property is in it, and binds.</summary>
public sealed class AppSettingsExampleTests
{
    private static readonly string[] Assemblies = ["ChatBot.Core", "ChatBot.Storage", "ChatBot.Storage.Postgres", "ChatBot.Providers", "ChatBot.Discord", "ChatBot.Slack", "ChatBot.Host"];

    [Fact]
    public void Example_EveryOptionsProperty_IsListedAndBinds()
    {
        var path = Path.Combine(RepositoryRoot(), "appsettings.example.json");
        var example = new ConfigurationBuilder().AddJsonFile(path).Build();
        using var json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var missing = new List<string>();

        foreach (var (type, section) in OptionsTypes())
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                var key = $"{section}:{property.Name}";
                if (Find(json.RootElement, key) is null)
                {
                    missing.Add(key);
                }
            }

            Should.NotThrow(() => example.GetSection(section).Get(type), $"Section {section} of appsettings.example.json does not bind to {type.Name}.");
        }

        missing.ShouldBeEmpty("appsettings.example.json lacks these settings");
    }

    /// <summary>The JSON element at a configuration key (sections separated by ':', names in any case), or null.</summary>
    private static JsonElement? Find(JsonElement element, string key)
    {
        foreach (var name in key.Split(':'))
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var found = element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (found.Value.ValueKind == JsonValueKind.Undefined)
            {
                return null;
            }

            element = found.Value;
        }

        return element;
    }

    [Fact]
    public void Example_Urls_IsTheHostDefault()
    {
        var example = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepositoryRoot(), "appsettings.example.json")).Build();

        example["urls"].ShouldBe(ChatBotHost.DefaultUrl);
    }

    private static IEnumerable<(Type Type, string Section)> OptionsTypes()
    {
        foreach (var name in Assemblies)
        {
            foreach (var type in Assembly.Load(name).GetTypes().Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal)))
            {
                var field = type.GetField("Section", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    ?? type.GetField("SectionName", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
                if (field?.GetRawConstantValue() is string section)
                {
                    yield return (type, section);
                }
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("ChatBot.sln was not found above the test's folder.");
    }
}
