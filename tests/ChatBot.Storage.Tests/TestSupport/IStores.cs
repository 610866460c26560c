using ChatBot.Core.Audit;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Platform;
using ChatBot.Core.Tenants;
using ChatBot.Core.Usage;

namespace ChatBot.Storage.Tests.TestSupport;

/// <summary>The stores of one handle on a test database (a second handle is what another process would have).</summary>
internal interface IStores
{
    IJobStore JobStore();

    ICreditLedger Ledger();

    IEventDeduplicator Deduplicator();

    IPlatformReplyStore PlatformReplies();

    ITenantSettingsStore TenantSettings();

    IMemberSettingsStore MemberSettings();

    IUsageStore Usage();

    IStoreAudit Audit();

    IWorkerRegistry Workers();
}
