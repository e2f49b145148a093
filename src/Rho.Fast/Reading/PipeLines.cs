using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast;

/// <summary>The lines of a pipe, parsed in place in its buffers; the pipe is completed when the read ends.</summary>
internal sealed class PipeLines : ILineSource
{
    private readonly PipeReader _input;
    private readonly LineSplitter _splitter;
    private readonly ILineSink _sink;

    /// <param name="input">The session's bytes.</param>
    /// <param name="options">The line limit.</param>
    /// <param name="sink">Where the lines go.</param>
    public PipeLines(PipeReader input, SessionReadOptions options, ILineSink sink)
    {
        _input = input;
        _splitter = new LineSplitter(options);
        _sink = sink;
    }

    public async ValueTask<bool> PumpAsync(CancellationToken cancellationToken)
    {
        ReadResult read = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
        _input.AdvanceTo(_splitter.Split(read.Buffer, read.IsCompleted, _sink), read.Buffer.End);
        return read.IsCompleted;
    }

    public async ValueTask DisposeAsync()
    {
        _splitter.Dispose();
        await _input.CompleteAsync().ConfigureAwait(false);
    }
}
