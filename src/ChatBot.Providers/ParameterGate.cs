namespace ChatBot.Providers;

/// <summary>
/// Builds request fields from the catalog: a field goes out only when the model lists its parameter for the
/// operation (config/models.json), so a provider is never sent what its document does not give that model.
/// </summary>
internal static class ParameterGate
{
    public static bool Takes(this MediaRequest request, string parameter) =>
        request.Model.Accepts(parameter, request.Operation, request.Options.Mode?.Trim().ToLowerInvariant());

    /// <summary>The value when the model takes the parameter, else null (the field is left out).</summary>
    public static T? IfTaken<T>(this MediaRequest request, string parameter, T? value) => request.Takes(parameter) ? value : default;

    /// <summary>The catalog's spelling of the value ("turbo" → "TURBO") when the model takes it, else null.</summary>
    public static string? Value(this MediaRequest request, string parameter, string? value) =>
        value is null ? null : request.Model.Parameter(parameter, request.Operation, request.Options.Mode?.Trim().ToLowerInvariant())?.Allowed(value);
}
