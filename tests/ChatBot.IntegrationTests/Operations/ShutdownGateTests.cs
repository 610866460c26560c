using ChatBot.Host.Operations;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using NSubstitute;

namespace ChatBot.IntegrationTests.Operations;

public sealed class ShutdownGateTests
{
    [Fact]
    public async Task InvokeAsync_StoppingAndCommandPosted_Answers503WithoutCallingNext()
    {
        using var stopping = new CancellationTokenSource();
        var calledNext = false;
        var sut = CreateSut(stopping.Token, () => calledNext = true);
        await stopping.CancelAsync();
        var context = Request("POST", "/api/playground/messages");

        await sut.InvokeAsync(context);

        context.Response.StatusCode.ShouldBe(StatusCodes.Status503ServiceUnavailable);
        calledNext.ShouldBeFalse();
    }

    [Theory]
    [InlineData("POST", "/api/playground/messages")]
    [InlineData("GET", "/api/playground/replies/r1")]
    [InlineData("GET", "/healthz")]
    public async Task InvokeAsync_NotStopping_PassesEverythingOn(string method, string path)
    {
        var calledNext = false;
        var sut = CreateSut(CancellationToken.None, () => calledNext = true);

        await sut.InvokeAsync(Request(method, path));

        calledNext.ShouldBeTrue();
    }

    [Fact]
    public async Task InvokeAsync_StoppingAndReading_PassesOn()
    {
        using var stopping = new CancellationTokenSource();
        var calledNext = false;
        var sut = CreateSut(stopping.Token, () => calledNext = true);
        await stopping.CancelAsync();

        await sut.InvokeAsync(Request("GET", "/api/playground/replies/r1"));

        calledNext.ShouldBeTrue();
    }

    private static ShutdownGate CreateSut(CancellationToken stopping, Action next)
    {
        var lifetime = Substitute.For<IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Returns(stopping);
        return new ShutdownGate(_ =>
        {
            next();
            return Task.CompletedTask;
        }, lifetime);
    }

    private static DefaultHttpContext Request(string method, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }
}
