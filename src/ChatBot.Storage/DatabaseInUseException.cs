namespace ChatBot.Storage;

/// <summary>
/// Start-up refused: another live host holds the database file's lock (issue 13 point 10). The message says
/// which file and what to do; the host prints it as its one line and exits.
/// </summary>
public sealed class DatabaseInUseException : InvalidOperationException
{
    public DatabaseInUseException()
    {
    }

    public DatabaseInUseException(string message)
        : base(message)
    {
    }

    public DatabaseInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
