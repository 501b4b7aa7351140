using System.Data.Common;
using System.Net.Sockets;

namespace ContractRegie.Web.Hosting;

/// <summary>Recognises a database that cannot be reached or does not answer in time, as opposed to an error in a statement.</summary>
public static class DatabaseOutage
{
    /// <summary>What a 503 tells the client to wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        // The drivers mark connection failures, timeouts and a broken session as transient.
        DbException { IsTransient: true } => true,
        TimeoutException or SocketException => true,
        _ => Is(exception.InnerException),
    };
}
