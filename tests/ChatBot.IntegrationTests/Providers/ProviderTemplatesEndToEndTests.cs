using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Providers;

/// <summary>
/// Issue 10: a member finds an ALwrity Image Studio template from chat (<c>/templates</c>: by platform with the
/// platform's formats and specs, by search words, by use case) and /models says what Image Studio runs on.
/// </summary>
public sealed class ProviderTemplatesEndToEndTests : RemoteProvidersHostTest
{
    [Fact]
    public async Task Templates_Platform_ListsItsTemplatesFormatsAndFileRules()
    {
        var reply = await Host.Client.GetAsync(await Host.Client.PostAsync("tp-1", "/templates instagram"));

        reply.Status.ShouldBe("succeeded", reply.Text);
        reply.Text.ShouldContain("`instagram_feed_square` — Instagram Feed Post (Square) (1:1, 1080×1080)");
        reply.Text.ShouldContain("`instagram_story`");
        reply.Text.ShouldNotContain("linkedin_post");
        reply.Text.ShouldContain("`/imagine <prompt> --template instagram_feed_square`");
        reply.Text.ShouldContain("Feed Post (Square) 1080×1080");
        reply.Text.ShouldContain("Files: JPG, PNG up to 30MB");
        ImageStudio.Requests.ShouldContain(r => r.Path.EndsWith("/templates", StringComparison.Ordinal) && r.Query.Contains("platform=instagram"));
        ImageStudio.Requests.ShouldContain(r => r.Path.EndsWith("/social/platforms/instagram/formats", StringComparison.Ordinal));
        ImageStudio.Requests.ShouldContain(r => r.Path.EndsWith("/platform-specs/instagram", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/templates --search linkedin", "/templates/search", "linkedin_post", "instagram_story")]
    [InlineData("/templates --for product showcase", "/templates/recommend", "instagram_feed_square", "linkedin_post")]
    [InlineData("/templates header", "/templates/search", "blog_header", "instagram_story")]
    public async Task Templates_SearchOrUseCase_AsksTheDocumentedEndpoint(string command, string endpoint, string found, string notFound)
    {
        var reply = await Host.Client.GetAsync(await Host.Client.PostAsync("tp-2", command));

        reply.Status.ShouldBe("succeeded", reply.Text);
        reply.Text.ShouldContain($"`{found}`");
        reply.Text.ShouldNotContain(notFound);
        ImageStudio.Requests.ShouldContain(r => r.Path.EndsWith(endpoint, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Templates_ServiceDown_SaysSoInsteadOfFailing()
    {
        ImageStudio.TemplatesFail = true;

        var reply = await Host.Client.GetAsync(await Host.Client.PostAsync("tp-3", "/templates instagram"));

        reply.Status.ShouldBe("succeeded", reply.Text);
        reply.Text.ShouldContain("did not answer for its templates");
    }

    [Fact]
    public async Task Models_ImageStudio_SaysWhatItRunsOnAndItsOperations()
    {
        var reply = await Host.Client.GetAsync(await Host.Client.PostAsync("tp-4", "/models"));

        reply.Status.ShouldBe("succeeded", reply.Text);
        var section = reply.Text[reply.Text.IndexOf("__ALwrity Image Studio__", StringComparison.Ordinal)..];
        section.ShouldContain("Runs on: Stability AI (generation, editing, upscaling; models ultra, core, sd3.5-large)");
        section.ShouldContain("Edit operations:");
        section.ShouldContain("`search_replace`");
        section.ShouldContain("Control operations:");
        section.ShouldContain("`/templates <platform>`");
    }

    [Fact]
    public async Task Help_Templates_ExplainsTheCommand()
    {
        var reply = await Host.Client.GetAsync(await Host.Client.PostAsync("tp-5", "/help templates"));

        reply.Status.ShouldBe("succeeded", reply.Text);
        reply.Text.ShouldContain("`/templates --search <words>`");
    }
}
