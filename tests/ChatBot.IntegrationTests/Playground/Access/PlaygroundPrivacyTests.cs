using System.Net;
using System.Net.Http.Json;
using ChatBot.Core.Media;
using ChatBot.Core.Replies;
using ChatBot.Emulators.Providers;
using ChatBot.Host.Playground;
using ChatBot.IntegrationTests.TestSupport;

namespace ChatBot.IntegrationTests.Playground.Access;

/// <summary>Signed-in members (issue 13 point 1): each acts as themself, and private replies and their files stay theirs.</summary>
public sealed class PlaygroundPrivacyTests : IAsyncLifetime
{
    private RunningHost _host = null!;
    private PlaygroundSessionClient _admin = null!;
    private PlaygroundSessionClient _alice = null!;
    private PlaygroundSessionClient _bob = null!;

    public async Task InitializeAsync()
    {
        _host = await RunningHost.StartAsync();
        _admin = _host.NewSession();
        await _admin.UseLinkAsync(_host.SignInToken!);
        _alice = await MemberAsync("alice");
        _bob = await MemberAsync("bob");
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _alice.Dispose();
        _bob.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Grant_ByAMember_IsRefusedAndMovesNothing()
    {
        var before = await _host.Client.CreditsAsync("bob");

        var replyId = await _bob.PostAsync("/credits grant @bob 1000");

        (await _host.Client.GetAsync(replyId)).Status.ShouldBe("refused");
        (await _host.Client.CreditsAsync("bob")).ShouldBe(before);
    }

    [Fact]
    public async Task PostMessage_BodyNamesAnotherUser_ActsAsTheSignedInMember()
    {
        using var response = await _bob.SendAsync(HttpMethod.Post, "/api/playground/messages", new { user = "admin", text = "/credits grant @bob 1000" });
        var replyId = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("replyId").GetString()!;

        var reply = await _host.Client.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/playground/replies/{replyId}");

        reply.GetProperty("user").GetString().ShouldBe("bob");
        reply.GetProperty("status").GetString().ShouldBe("refused");
    }

    [Fact]
    public async Task Grant_ByTheAdmin_IsApplied()
    {
        var before = await _host.Client.CreditsAsync("bob");

        var replyId = await _admin.PostAsync("/credits grant @bob 7");

        (await _host.Client.GetAsync(replyId)).Status.ShouldBe("succeeded");
        (await _host.Client.CreditsAsync("bob")).ShouldBe(before + 7);
    }

    [Fact]
    public async Task Replies_PrivateReplyOfAnotherMember_IsNotServed()
    {
        using var timeout = TestTimeout.Start();
        var mine = await _alice.PostAsync("/credits");
        await using var bobsEvents = await EventStream.OpenAsync(_bob.Http, timeout.Token);
        var private2 = await _alice.PostAsync("/credits");
        var bobsOwn = await _bob.PostAsync("/credits");
        await bobsEvents.WaitForFinalAsync(bobsOwn, timeout.Token);

        using var single = await _bob.Http.GetAsync($"/api/playground/replies/{mine}");
        var list = (await _bob.Http.GetFromJsonAsync<List<ReplyState>>("/api/playground/replies"))!;
        using var own = await _alice.Http.GetAsync($"/api/playground/replies/{mine}");

        single.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        list.Select(r => r.ReplyId).ShouldNotContain(mine);
        list.Select(r => r.ReplyId).ShouldContain(bobsOwn);
        bobsEvents.Seen.Select(r => r.ReplyId).ShouldNotContain(private2);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Media_OfAPrivateReply_IsServedOnlyToItsOwner()
    {
        var key = await PrivateReplyWithAFileAsync("alice");

        using var bobs = await _bob.Http.GetAsync(ReplyDto.MediaUrl(key));
        using var alices = await _alice.Http.GetAsync(ReplyDto.MediaUrl(key));

        bobs.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        alices.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Media_NotInAnyReply_IsNotServedToAMember()
    {
        var stored = await SaveAsync();

        using var response = await _bob.Http.GetAsync(ReplyDto.MediaUrl(stored));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<PlaygroundSessionClient> MemberAsync(string name)
    {
        var invite = await _admin.InviteAsync();
        var member = _host.NewSession();
        await member.SessionAsync();
        await member.RegisterAsync(name, name + "'s password", invite);
        return member;
    }

    private async Task<string> PrivateReplyWithAFileAsync(string owner)
    {
        var key = await SaveAsync();
        _host.GetService<PlaygroundReplyStore>().Change(PlaygroundReplyStore.NewId(), _ => new PlaygroundReply
        {
            Id = "",
            User = owner,
            Message = "/imagine something private",
            Status = ReplyStatus.Succeeded,
            Files = [new PlaygroundFile(key, "image/png")],
            Ephemeral = true,
        });
        return key;
    }

    private async Task<string> SaveAsync()
    {
        using var png = new MemoryStream(TestMedia.Png(4, 4));
        var stored = await _host.GetService<IMediaStore>().SaveAsync(png, "image/png", "secret.png", 4, 4, CancellationToken.None);
        return stored.Key;
    }
}
