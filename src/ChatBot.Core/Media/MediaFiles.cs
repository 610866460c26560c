using System.Buffers;
using System.Text.RegularExpressions;
using ChatBot.Core.Platform;

namespace ChatBot.Core.Media;

/// <summary>
/// The files of a media store under one root (<c>ab/abcdef….png</c>), whichever database holds their records: keys are
/// random, so they reveal nothing and cannot be guessed, and a key is checked against its strict format before it becomes
/// a path. A file appears under its key only once complete (temp file, then rename). Files and folders are the host
/// user's only (0600/0700 on Unix). Several workers may share the root: keys never collide and renames are atomic.
/// </summary>
public sealed partial class MediaFiles
{
    private const string TempFolder = ".tmp";
    private const int BufferSize = 81_920;

    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly long? _maxBytes;

    /// <param name="rootPath">The media directory (relative paths start at the working directory).</param>
    /// <param name="maxBytes">Largest file accepted (null: no limit of its own).</param>
    public MediaFiles(string rootPath, long? maxBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootPath);
        RootPath = Path.GetFullPath(rootPath);
        _maxBytes = maxBytes;
    }

    public string RootPath { get; }

    /// <summary>A fresh random key with the extension of the content type (or of the file name, or <c>bin</c>).</summary>
    public static string NewKey(string contentType, string? fileName) =>
        RandomNumberGenerator.GetHexString(24, lowercase: true) + "." + ExtensionFor(contentType, fileName);

    /// <summary>The file name to show: the given one without folders, at most 200 characters; the key when there is none.</summary>
    public static string CleanFileName(string? fileName, string key)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0)
        {
            return key;
        }

        return name.Length <= 200 ? name : name[^200..];
    }

    public static bool IsValidKey(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <summary>Where the file of a valid key lives.</summary>
    public string PathOf(string key) => Path.Combine(RootPath, key[..2], key);

    /// <summary>Writes <paramref name="content"/> under <paramref name="key"/> (temp file, then rename); its length.</summary>
    /// <exception cref="MediaRejectedException">The content is larger than the limit (nothing stays behind).</exception>
    public async Task<long> WriteAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var temp = Path.Combine(RootPath, TempFolder, key + ".part");
        var target = PathOf(key);
        CreateOwnerOnlyDirectory(Path.GetDirectoryName(temp)!);
        try
        {
            var length = await CopyToFileAsync(content, temp, cancellationToken).ConfigureAwait(false);
            CreateOwnerOnlyDirectory(Path.GetDirectoryName(target)!);
            File.Move(temp, target);
            return length;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The file of <paramref name="key"/> for reading, or null when the key is invalid or the file is gone.</summary>
    public Stream? TryOpenRead(string key)
    {
        if (!IsValidKey(key))
        {
            return null;
        }

        try
        {
            return new FileStream(PathOf(key), System.IO.FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes the file of a valid key (nothing when it is already gone).</summary>
    public void Delete(string key)
    {
        if (IsValidKey(key))
        {
            File.Delete(PathOf(key));
        }
    }

    /// <summary>Removes partial files left by a crash mid-save; call at start-up, before any save.</summary>
    public void DeleteTemporaryFiles()
    {
        var temp = Path.Combine(RootPath, TempFolder);
        if (Directory.Exists(temp))
        {
            foreach (var file in Directory.EnumerateFiles(temp, "*.part"))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Creates the folder and any missing parents as 0700; an existing folder is left as its owner set it.</summary>
    public static void CreateOwnerOnlyDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else if (!Directory.Exists(path))
        {
            // Directory.CreateDirectory(path, mode) gives the mode to the last folder only, not to missing parents.
            var parent = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(parent))
            {
                CreateOwnerOnlyDirectory(parent);
            }

            Directory.CreateDirectory(path, FolderMode);
        }
    }

    private async Task<long> CopyToFileAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = FileMode;
            }

            var output = new FileStream(path, options);
            await using (output.ConfigureAwait(false))
            {
                long length = 0;
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > _maxBytes)
                    {
                        throw new MediaRejectedException($"The file is larger than the {FormatBytes(_maxBytes.Value)} the bot keeps.");
                    }

                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                return length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string ExtensionFor(string contentType, string? fileName)
    {
        var known = contentType.ToLowerInvariant() switch
        {
            "image/png" => "png",
            "image/jpeg" => "jpg",
            "image/webp" => "webp",
            "image/gif" => "gif",
            "video/mp4" => "mp4",
            "video/webm" => "webm",
            "video/quicktime" => "mov",
            "audio/mpeg" => "mp3",
            "audio/mp4" => "m4a",
            "audio/wav" => "wav",
            "audio/ogg" => "ogg",
            "audio/flac" => "flac",
            _ => null,
        };
        if (known is not null)
        {
            return known;
        }

        var extension = Path.GetExtension(fileName ?? "").TrimStart('.').ToLowerInvariant();
        return ExtensionPattern().IsMatch(extension) ? extension : "bin";
    }

    private static string FormatBytes(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");

    [GeneratedRegex("^[0-9a-f]{24}\\.[a-z0-9]{1,8}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[a-z0-9]{1,8}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ExtensionPattern();
}
