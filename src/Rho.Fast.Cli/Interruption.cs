using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace Rho.Fast.Cli;

/// <summary>
/// Ctrl-C (<c>SIGINT</c>) and <c>SIGTERM</c> as a cancellation, for a command that runs until it is
/// interrupted. The command line invokes actions synchronously, which leaves these signals to the
/// runtime: the process would end at once, with 130 or 143, and nothing flushed.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source;
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public Interruption(CancellationToken cancellationToken)
    {
        _source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
    }

    /// <summary>Cancelled by either signal, or by the token given.</summary>
    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _source.Dispose();
    }

    private void Cancel(PosixSignalContext context)
    {
        // The process goes on: the command ends itself and says how.
        context.Cancel = true;
        _source.Cancel();
    }
}
