using System;
using System.Collections.Generic;
using System.IO.Pipelines;
using System.Threading;

namespace Rho.Fast;

/// <summary>
/// The repaired messages of a session file as an asynchronous stream. Enumerate it once; when the
/// enumeration has finished, <see cref="Summary"/> tells where the valid prefix ends and what was dropped.
/// </summary>
public sealed class SessionMessageStream : IAsyncEnumerable<Message>
{
    private readonly Func<PipeReader>? _open;
    private readonly string? _path;
    private readonly SessionReadOptions _options;
    private int _enumerated;
    private TailRepairer? _repairer;

    /// <param name="open">Opens the input when the enumeration starts, so an unenumerated stream holds no file.</param>
    /// <param name="options">The read options.</param>
    internal SessionMessageStream(Func<PipeReader> open, SessionReadOptions options)
    {
        _open = open;
        _options = options;
    }

    /// <summary>A stream of a file's messages, read without a pipe so its lines can be decoded on several threads.</summary>
    /// <param name="path">The file, opened when the enumeration starts.</param>
    /// <param name="options">The read options.</param>
    internal SessionMessageStream(string path, SessionReadOptions options)
    {
        _path = path;
        _options = options;
    }

    /// <summary>What the read found; <see langword="null"/> until the enumeration has run to the end.</summary>
    public SessionReadSummary? Summary => _repairer?.CompletedSummary;

    /// <inheritdoc/>
    /// <exception cref="System.InvalidOperationException">The stream was already enumerated.</exception>
    public IAsyncEnumerator<Message> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new System.InvalidOperationException("A session message stream can be enumerated only once.");
        }

        var repairer = new TailRepairer(_options, RepairOutput.Stream);
        ILineSource source = _path is not null ? new StreamedFileLines(_path, _options, repairer) : new PipeLines(_open!(), _options, repairer);
        _repairer = repairer;
        return LinePipeline.Yield(source, repairer, cancellationToken).GetAsyncEnumerator(cancellationToken);
    }
}
