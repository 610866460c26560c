namespace ChatBot.Discord.Inbound;

/// <summary>Reads what a member typed into a submitted modal.</summary>
internal static class ModalInputs
{
    /// <summary>Finds a text input's value anywhere in a modal's components (Label or legacy Action Row).</summary>
    public static string? Find(JsonElement element, string customId)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, customId) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                if (element.TryGetProperty("custom_id", out var id) && id.GetString() == customId
                    && element.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }

                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object && Find(property.Value, customId) is { } nested)
                    {
                        return nested;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
