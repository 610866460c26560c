namespace ChatBot.Core;

public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to a configuration section, validates its data annotations
    /// (and <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>) and checks them at start-up,
    /// so a wrong setting stops the host with a message that names it.
    /// </summary>
    /// <param name="services">The collection to register in.</param>
    /// <param name="section">The configuration section, e.g. <c>Discord</c> or <c>Providers:Local</c>.</param>
    /// <param name="name">The named-options instance; the default instance when omitted.</param>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string section, string? name = null)
        where TOptions : class
    {
        // Remembered so a failed validation at start-up can name the setting with its section (Host's start-up line).
        services.AddSingleton(new ValidatedSection(typeof(TOptions), name ?? Options.DefaultName, section));
        return services.AddOptions<TOptions>(name ?? Options.DefaultName)
            .BindConfiguration(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }
}
