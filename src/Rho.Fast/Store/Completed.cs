using System;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast;

/// <summary>Runs synchronous work and hands its outcome over as a completed task, its exception inside the task as an async method would.</summary>
internal static class Completed
{
    public static Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(work());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }
}
