namespace ChatBot.Core.Model;

/// <summary>A guild, a Slack team or the Playground: where allowances and settings apply.</summary>
public readonly record struct TenantKey(string Platform, string TenantId)
{
    public override string ToString() => $"{Platform}/{TenantId}";
}
