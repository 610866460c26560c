using ChatBot.Core.Catalog;

namespace ChatBot.Core.Providers;

public abstract record RouteResult
{
    private RouteResult()
    {
    }

    /// <summary>The model to run and the provider that serves it. <paramref name="Note"/> says why it differs from the request, if it does.</summary>
    public sealed record Routed(ModelDefinition Model, IMediaProvider Provider, string? Note = null) : RouteResult;

    public sealed record Unroutable(string Message) : RouteResult;
}
