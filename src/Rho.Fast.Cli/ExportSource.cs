using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Rho.Fast.Cli;

/// <summary>A history to export: its messages, what the read found, and its name.</summary>
internal sealed record ExportHistory(IReadOnlyList<Message> Messages, SessionReadSummary Summary, string Name);

/// <summary>
/// Where <c>export</c> gets its messages: the one place that chooses between the history shown to
/// the user (display, with rho's compaction notices) and the one sent to the model, both as rho
/// 1.47 rebuilds them from a file of any format from 1 to 4.
/// </summary>
internal static class ExportSource
{
    public const string Display = "display";
    public const string Model = "model";

    /// <exception cref="SessionFormatException">The file is corrupt before its last line.</exception>
    /// <exception cref="UnsupportedSessionFormatException">The file is in a newer format.</exception>
    public static async Task<ExportHistory> LoadAsync(string path, bool model, SessionReadOptions reading, CancellationToken cancellationToken)
    {
        SessionHistories histories = await SessionReader.ReadHistoriesAsync(path, reading, cancellationToken);

        return new ExportHistory(model ? histories.Model : histories.Display, histories.Summary, model ? Model : Display);
    }
}
