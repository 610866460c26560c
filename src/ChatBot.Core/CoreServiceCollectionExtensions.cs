using ChatBot.Core.Catalog;
using ChatBot.Core.Commands;
using ChatBot.Core.Commands.Handlers;
using ChatBot.Core.Commands.Rules;
using ChatBot.Core.Credits;
using ChatBot.Core.Jobs;
using ChatBot.Core.Media;
using ChatBot.Core.Metrics;
using ChatBot.Core.Providers;
using ChatBot.Core.Replies;

namespace ChatBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the job engine: catalog, dispatcher, scheduler, runner, recovery, reply pacing and
    /// media intake, with their option sections (Catalog, Scheduler, Replies, Validation, Media, Credits).
    /// Storage, providers and platform adapters are registered by their own projects.
    /// </summary>
    public static IServiceCollection AddChatBotCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<CatalogOptions>(CatalogOptions.Section);
        services.AddValidatedOptions<SchedulerOptions>(SchedulerOptions.Section);
        services.AddValidatedOptions<ReplyOptions>(ReplyOptions.Section);
        services.AddValidatedOptions<ValidationOptions>(ValidationOptions.Section);
        services.AddValidatedOptions<MediaOptions>(MediaOptions.Section);
        services.AddValidatedOptions<CreditOptions>(CreditOptions.Section);

        services.TryAddSingleton(sp => LoadCatalog(sp.GetRequiredService<IOptions<CatalogOptions>>().Value.Path));
        services.AddMetrics();
        services.TryAddSingleton<ChatBotMetrics>();
        services.TryAddSingleton<ChatBot.Core.Platform.WorkerShare>();
        services.TryAddSingleton<ProviderRouter>();
        services.TryAddSingleton<EtaEstimator>();
        services.TryAddSingleton<ReplyUpdater>();
        services.TryAddSingleton<JobReplyViews>();
        services.TryAddSingleton<MediaIntake>();
        services.TryAddSingleton<UnwrittenEndings>();
        services.TryAddSingleton<IStorageWriteHealth>(sp => sp.GetRequiredService<UnwrittenEndings>());
        services.TryAddSingleton<JobEnder>();
        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<JobScheduler>();
        services.TryAddSingleton<IJobQueueMetrics>(sp => sp.GetRequiredService<JobScheduler>());
        services.TryAddSingleton<JobRecovery>();
        services.TryAddSingleton<JobLeases>();
        services.AddCommandHandlers();
        services.AddHostedService<JobEngineService>();
        services.AddHostedService<UnwrittenEndingsService>();
        services.AddHostedService<JobLeaseService>();
        return services;
    }

    /// <summary>
    /// For a process without job work (<c>Host:Roles</c> without <c>jobs</c>): commands are still accepted and their
    /// jobs stored as queued, but this process starts none of them (the workers with <c>jobs</c> do).
    /// </summary>
    public static IServiceCollection WithoutJobWork(this IServiceCollection services) =>
        services.PostConfigure<SchedulerOptions>(options => options.RunJobs = false);

    /// <summary>The dispatcher, one handler per command concern, and the rules they share.</summary>
    internal static IServiceCollection AddCommandHandlers(this IServiceCollection services)
    {
        services.TryAddSingleton<PromptRules>();
        services.TryAddSingleton<ResultSource>();
        services.TryAddSingleton<JobInputIntake>();
        services.TryAddSingleton<VideoExtension>();
        services.TryAddSingleton<ConfirmationExpiry>();
        services.TryAddSingleton<JobConfirmation>();
        services.TryAddSingleton<StoredResults>();
        services.TryAddSingleton<MemberSettings>();
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<ICommandHandler, MediaCommandHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, CreditsCommandHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, JobsCommandHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, CancelCommandHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, ConfirmCommandHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, ShowCommandHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, HistoryCommandHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, JobInfoCommandHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, ModelsCommandHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, SettingsCommandHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, GalleryCommandHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, HelpCommandHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, TemplatesCommandHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, StatsCommandHandler>(),
            ServiceDescriptor.Singleton<ICommandHandler, VaryRegionCommandHandler>(),
        ]);
        services.TryAddSingleton<ICommandDispatcher, CommandDispatcher>();
        return services;
    }

    private static ModelCatalog LoadCatalog(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return ModelCatalog.Load(path);
        }

        var candidates = new[] { Path.Combine(AppContext.BaseDirectory, path), Path.Combine(Directory.GetCurrentDirectory(), path) };
        var found = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"The model catalog was not found. Set Catalog:Path (looked for '{path}' next to the app and in the working directory).");
        return ModelCatalog.Load(found);
    }
}
