using System.Net;
using System.Net.Sockets;

namespace ContractRegie.Web.Tests.Infrastructure;

/// <summary>How the database looks through a <see cref="TcpSwitch"/>.</summary>
public enum LinkState { Up, Down, Hanging }

/// <summary>
/// A TCP relay on 127.0.0.1 in front of a real server, to take that server away and bring it back under requests:
/// Up relays, Down cuts every connection and refuses new ones, Hanging accepts and never answers.
/// </summary>
public sealed class TcpSwitch : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stopped = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private int _accepted;

    public TcpSwitch(string targetHost, int targetPort)
    {
        (_targetHost, _targetPort) = (targetHost, targetPort);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public LinkState State { get; private set; } = LinkState.Up;

    /// <summary>How many connections clients have opened through the switch so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public void Switch(LinkState state)
    {
        State = state;
        if (state == LinkState.Down)
        {
            lock (_open)
            {
                _open.ForEach(client => client.Dispose());
                _open.Clear();
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stopped.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopped.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Interlocked.Increment(ref _accepted);
            lock (_open)
            {
                _open.Add(client);
            }
            switch (State)
            {
                case LinkState.Down:
                    client.Dispose();
                    break;
                case LinkState.Up:
                    _ = RelayAsync(client);
                    break;
                // Hanging: keep the connection open and say nothing.
            }
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stopped.Token);
            lock (_open)
            {
                _open.Add(server);
            }
            await Task.WhenAny(
                client.GetStream().CopyToAsync(server.GetStream(), _stopped.Token),
                server.GetStream().CopyToAsync(client.GetStream(), _stopped.Token));
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // One side went away: the relay ends, as a cut cable would.
        }
        finally
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopped.CancelAsync();
        _listener.Stop();
        Switch(LinkState.Down);
        await _accepting;
    }
}
