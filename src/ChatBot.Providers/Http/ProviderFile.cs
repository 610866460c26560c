namespace ChatBot.Providers.Http;

/// <summary>One file part of a multipart upload: the form field, the bytes, and the type and name the member's file had.</summary>
internal sealed record ProviderFile(string Field, byte[] Bytes, string ContentType, string FileName)
{
    public static ProviderFile From(string field, byte[] bytes, MediaInput input) =>
        new(field, bytes, input.Media.ContentType, input.Media.FileName);
}
