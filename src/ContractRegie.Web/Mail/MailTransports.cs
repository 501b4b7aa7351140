using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ContractRegie.Web.Mail;

/// <summary>Hands messages to the outside world, a dispatch batch at a time.</summary>
public interface IMailTransport
{
    /// <summary>A sender for one batch of messages; dispose it when the batch is done.</summary>
    IMailBatch BeginBatch();
}

/// <summary>Sends the messages of one batch; throws for a message it could not send, after which the next one can still go.</summary>
public interface IMailBatch : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>SMTP through MailKit, with STARTTLS/SSL and authentication as configured: one connection carries a whole batch.</summary>
public sealed class SmtpMailTransport(MailOptions options) : IMailTransport
{
    public IMailBatch BeginBatch() => new SmtpBatch(options);

    /// <summary>
    /// Connects (and authenticates) at the first message and keeps the connection for the rest. After any failure the
    /// connection's state is unknown, so it is dropped and the next message connects afresh.
    /// </summary>
    private sealed class SmtpBatch(MailOptions options) : IMailBatch
    {
        private SmtpClient? _client;

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            try
            {
                var client = await ConnectedAsync(cancellationToken);
                await client.SendAsync(message, cancellationToken);
            }
            catch
            {
                _client?.Dispose();
                _client = null;
                throw;
            }
        }

        private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
        {
            // The server may have closed an idle connection between two messages.
            if (_client is { IsConnected: true })
            {
                return _client;
            }
            _client?.Dispose();
            _client = new SmtpClient { Timeout = 30_000 };
            await _client.ConnectAsync(options.Host!, options.Port, options.Security switch
            {
                MailSecurity.None => SecureSocketOptions.None,
                MailSecurity.StartTls => SecureSocketOptions.StartTls,
                MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            }, cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await _client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }
            return _client;
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is null)
            {
                return;
            }
            try
            {
                await _client.DisconnectAsync(quit: true);
            }
            catch (Exception error) when (error is IOException or SocketException or MailKit.ProtocolException or MailKit.CommandException
                                              or MailKit.ServiceNotConnectedException)
            {
                // Every message was handed over already; a QUIT that is not answered loses nothing.
            }
            _client.Dispose();
            _client = null;
        }
    }
}

/// <summary>Without SMTP settings: each message becomes an .eml file, so the embedded default shows its mail.</summary>
public sealed class PickupDirectoryTransport(string directory) : IMailTransport, IMailBatch
{
    /// <summary>Files need no connection: the batch is the transport itself.</summary>
    public IMailBatch BeginBatch() => this;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        // As an SMTP client does for a server without 8BITMIME: Dutch text gets a transfer encoding every reader accepts.
        message.Prepare(EncodingConstraint.SevenBit);
        await message.WriteToAsync(path, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
