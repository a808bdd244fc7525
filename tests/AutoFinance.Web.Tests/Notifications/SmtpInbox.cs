using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace AutoFinance.Web.Tests.Notifications;

/// <summary>A real SMTP server on a loopback port, in the test process, keeping every message it is handed.</summary>
public sealed class SmtpInbox : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store = new();

    private SmtpInbox(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Port(port).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Messages => [.. _store.Received];

    public IEnumerable<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)));

    public static SmtpInbox Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new SmtpInbox(port);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Received { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
