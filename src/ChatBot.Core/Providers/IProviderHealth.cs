namespace ChatBot.Core.Providers;

/// <summary>A provider that can say more than <see cref="IMediaProvider.IsAvailable"/> for the health report.</summary>
public interface IProviderHealth
{
    ProviderStatus Status { get; }
}
