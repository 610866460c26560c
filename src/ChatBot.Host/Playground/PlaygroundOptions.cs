namespace ChatBot.Host.Playground;

/// <summary>Section <c>Playground</c>: the embedded web platform.</summary>
public sealed class PlaygroundOptions : IValidatableObject
{
    public const string Section = "Playground";

    /// <summary>Whether the page and its API are served. Empty: on only while neither <c>Discord:Token</c> nor <c>Slack:BotToken</c> is set.</summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// The Playground's admin (may grant credits and set the allowance): the account that signs in with
    /// <see cref="AdminPassword"/> or the start-up link (default <c>admin</c>). For requests made with
    /// <see cref="ApiToken"/> and no name configured, the first user name ever seen is the admin, kept in <see cref="AdminFile"/>.
    /// </summary>
    public string? Admin { get; set; }

    /// <summary>Where the first-seen admin of <see cref="ApiToken"/> requests is remembered across restarts.</summary>
    [Required]
    public string AdminFile { get; set; } = "data/playground-admin.txt";

    /// <summary>
    /// The admin's password (a secret: <c>ChatBot__Playground__AdminPassword</c>). Empty: the host prints a one-time
    /// sign-in link at start-up instead, and refuses to listen on an address other than loopback.
    /// </summary>
    public string? AdminPassword { get; set; }

    /// <summary>Whether anyone who reaches the page may create an account; otherwise only with an admin's invite link.</summary>
    public bool AllowRegistration { get; set; }

    /// <summary>Where the members' names and password hashes are kept.</summary>
    [Required]
    public string AccountsFile { get; set; } = "data/playground-accounts.json";

    /// <summary>
    /// For scripts and tests (a secret): a request with <c>Authorization: Bearer &lt;token&gt;</c> acts as the user named in
    /// its body and sees every reply. Empty: that mode is off.
    /// </summary>
    public string? ApiToken { get; set; }

    /// <summary>
    /// The address people use to reach the page when it is not on this machine (e.g. behind a reverse proxy):
    /// its host is accepted in the <c>Host</c> header beside the loopback names, and an https address makes the cookies Secure.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long a sign-in lasts without use.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Attachments per message. Their size limit is <c>Media:MaxInputBytes</c>.</summary>
    [Range(0, 10)]
    public int MaxAttachments { get; set; } = 4;

    /// <summary>How many replies the channel keeps, in memory and in the database (oldest finished ones are forgotten first).</summary>
    [Range(10, 100_000)]
    public int MaxReplies { get; set; } = 500;

    /// <summary>Whether the public address is https, so every cookie must be Secure.</summary>
    public bool HasAdminPassword => !string.IsNullOrEmpty(AdminPassword);

    public bool HasApiToken => !string.IsNullOrEmpty(ApiToken);

    /// <summary>The admin account's user id.</summary>
    public string AdminUserId => PlaygroundUser.ToUserId(string.IsNullOrWhiteSpace(Admin) ? "admin" : Admin);

    public bool IsHttps => PublicBaseUrl is { IsAbsoluteUri: true } url && url.Scheme == Uri.UriSchemeHttps;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl is { OriginalString.Length: > 0 } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("Playground:PublicBaseUrl must be an absolute http or https address, e.g. https://bot.example.com/.", [nameof(PublicBaseUrl)]);
        }

        if (AdminPassword is { Length: > 0 and < 8 })
        {
            yield return new ValidationResult("Playground:AdminPassword must be at least 8 characters long.", [nameof(AdminPassword)]);
        }

        if (ApiToken is { Length: > 0 and < 16 })
        {
            yield return new ValidationResult("Playground:ApiToken must be at least 16 characters long.", [nameof(ApiToken)]);
        }

        if (!string.IsNullOrWhiteSpace(Admin) && !PlaygroundUser.IsValid(Admin))
        {
            yield return new ValidationResult($"Playground:Admin must be a user name: 1 to {PlaygroundUser.MaxLength} letters, digits, '.', '_' or '-'.", [nameof(Admin)]);
        }
    }
}
