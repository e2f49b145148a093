using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Rho.Fast.Reliability.Tests;

/// <summary>
/// What must hold for any bytes at all, read in each recovery mode: a result or a
/// <see cref="SessionFormatException"/> that points inside the input, never another exception;
/// the default mode agrees with the reference reader; the modes agree with each other where their
/// rules coincide; the valid prefix reads back to the same messages; and the file repairs (resume's
/// cut and salvage's rewrite) leave a file that reads strictly.
/// </summary>
internal static class ReadOracle
{
    /// <summary>Allocation allowed per read: proportional to the input, plus the pipe's buffers.</summary>
    public static long AllocationBound(long inputLength) => 64 * inputLength + (8 << 20);

    /// <summary>Checks <paramref name="input"/>; throws <see cref="OracleViolation"/> naming the broken promise.</summary>
    /// <param name="input">Any bytes.</param>
    /// <param name="scratch">A folder for the file-level checks, or <see langword="null"/> to skip them.</param>
    /// <returns>Which outcome each mode had, for the run's statistics.</returns>
    public static OracleOutcome Check(byte[] input, string? scratch)
    {
        Outcome tolerate = Run(input, SessionRecovery.TolerateTail);
        Outcome strict = Run(input, SessionRecovery.Strict);
        Outcome salvage = Run(input, SessionRecovery.Salvage);
        bool tooLong = tolerate.Error?.Reason.Contains("longer than the limit", StringComparison.Ordinal) == true;

        List<Message>? reference = ReferenceReader.Read(input, out string? referenceError);
        if (!tooLong)
        {
            if (reference is null && tolerate.Result is not null)
            {
                throw new OracleViolation("the reader accepted a file the reference rejects (" + referenceError + ")");
            }

            if (reference is not null && tolerate.Error is not null)
            {
                throw new OracleViolation("the reader rejected a file the reference accepts: " + tolerate.Error.Message);
            }

            // A complete entry we cannot map, before the last line: the reference rejects the file too
            // (a header of another version it would skip, which is where the two differ on purpose).
            if (reference is not null && tolerate.Newer is { FormatVersion: 1 } newer)
            {
                throw new OracleViolation("the reader called a file the reference accepts a newer format: " + newer.Message);
            }

            // The one deliberate difference left: a header of another version, which the reference skips
            // and we report as a newer format; any other outcome must agree with the reference's.
            if (reference is not null && tolerate.Newer is null && !reference.SequenceEqual(tolerate.Result!.Messages))
            {
                throw new OracleViolation("the reader gave " + tolerate.Result.Messages.Count + " messages, the reference " + reference.Count);
            }
        }

        if (strict.Result is not null)
        {
            if (tolerate.Result is null || !strict.Result.Messages.SequenceEqual(tolerate.Result.Messages) || tolerate.Result.Summary.TornTail is not null)
            {
                throw new OracleViolation("strict read succeeded where the default read did not agree");
            }
        }
        else if (tolerate.Result is { Summary: { TornTail: null, UnknownEntries.Count: 0 } })
        {
            throw new OracleViolation("strict read failed on a file without an unreadable line: " + strict.Error!.Message);
        }

        if (salvage.Error is not null && !salvage.Error.Reason.Contains("longer than the limit", StringComparison.Ordinal))
        {
            throw new OracleViolation("salvage failed on something other than an over-long line: " + salvage.Error.Message);
        }

        if (tolerate.Result is { Summary.TornTail: null } && salvage.Result is not null && !salvage.Result.Messages.SequenceEqual(tolerate.Result.Messages))
        {
            throw new OracleViolation("salvage changed the messages of a file without an unreadable line");
        }

        if (tolerate.Result is { } read)
        {
            CheckValidPrefix(input, read);
            CheckStreamed(input, read.Messages);
        }

        if (scratch is not null)
        {
            CheckFileRepairs(input, scratch, tolerate, strict, salvage);
        }

        return new OracleOutcome(
            tolerate.Result is not null,
            tolerate.Result?.Summary.TornTail is not null,
            strict.Result is not null,
            salvage.Result is { Summary.SkippedLines.Count: > 0 } || salvage.Result is { Summary.RecoveredLines.Count: > 0 });
    }

    private static Outcome Run(byte[] input, SessionRecovery recovery)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            SessionReadResult result = Read.Bytes(input, recovery);
            CheckAllocation(input, recovery, allocated);
            return new Outcome(result, null);
        }
        catch (SessionFormatException e)
        {
            CheckAllocation(input, recovery, allocated);
            CheckLocation(e, input.Length, recovery.ToString());
            return new Outcome(null, e);
        }
        catch (UnsupportedSessionFormatException e)
        {
            if (recovery == SessionRecovery.Salvage || e.LineNumber < 1 || e.LineOffset < 0 || e.LineOffset > input.Length)
            {
                throw new OracleViolation(recovery + " read threw " + e.Message, e);
            }

            return new Outcome(null, null, e);
        }
        catch (Exception e)
        {
            throw new OracleViolation(recovery + " read threw " + e.GetType().FullName + " instead of a result or SessionFormatException: " + e.Message, e);
        }
    }

    public static void CheckLocation(SessionFormatException e, long inputLength, string what)
    {
        if (e.LineNumber < 1 || e.LineOffset < 0 || e.ByteOffset < e.LineOffset || e.ByteOffset > inputLength)
        {
            throw new OracleViolation(what + ": SessionFormatException points outside the input: line " + e.LineNumber + ", line offset " + e.LineOffset + ", byte offset " + e.ByteOffset + " in " + inputLength + " bytes");
        }
    }

    private static void CheckAllocation(byte[] input, SessionRecovery recovery, long before)
    {
        long used = GC.GetAllocatedBytesForCurrentThread() - before;
        if (used > AllocationBound(input.Length))
        {
            throw new OracleViolation(recovery + " read of " + input.Length + " bytes allocated " + used + " bytes");
        }
    }

    private static void CheckValidPrefix(byte[] input, SessionReadResult read)
    {
        long valid = read.Summary.ValidLength;
        if (valid < 0 || valid > input.Length)
        {
            throw new OracleViolation("ValidLength " + valid + " is outside the input of " + input.Length + " bytes");
        }

        SessionReadResult again;
        try
        {
            again = Read.Bytes(input[..(int)valid], SessionRecovery.TolerateTail);
        }
        catch (SessionFormatException e)
        {
            throw new OracleViolation("the valid prefix (" + valid + " bytes) does not read: " + e.Message, e);
        }

        if (!again.Messages.SequenceEqual(read.Messages) || again.Summary.TornTail is not null || again.Summary.DroppedTurn is not null)
        {
            throw new OracleViolation("the valid prefix (" + valid + " bytes) does not read back to the same messages without repair");
        }
    }

    private static void CheckStreamed(byte[] input, IReadOnlyList<Message> messages)
    {
        List<Message> streamed;
        try
        {
            streamed = Read.Streamed(input);
        }
        catch (Exception e)
        {
            throw new OracleViolation("streaming threw " + e.GetType().Name + " where the read succeeded: " + e.Message, e);
        }

        if (!streamed.SequenceEqual(messages))
        {
            throw new OracleViolation("streaming gave " + streamed.Count + " messages, the read " + messages.Count);
        }
    }

    private static void CheckFileRepairs(byte[] input, string scratch, Outcome tolerate, Outcome strict, Outcome salvage)
    {
        string name = Guid.NewGuid().ToString("N");
        string repairPath = Path.Combine(scratch, "1_" + name + ".jsonl");
        File.WriteAllBytes(repairPath, input);
        CheckEntries(repairPath, input.Length, strict);
        CheckListing(input, scratch, name);
        try
        {
            (SessionReadResult repaired, SessionRepair? repair) = SessionFiles.RepairAsync(repairPath).GetAwaiter().GetResult();
            if (tolerate.Result is null || !repaired.Messages.Take(tolerate.Result.Messages.Count).SequenceEqual(tolerate.Result.Messages))
            {
                throw new OracleViolation("RepairAsync disagreed with the read");
            }

            ExpectStrict(repairPath, repaired.Messages, "after RepairAsync" + (repair is null ? "" : " cut it to " + repair.TruncatedTo + " bytes"));
            if (repair is not null)
            {
                // Only torn bytes are ever cut: the file keeps its first TruncatedTo bytes, and no
                // complete line lies in what was cut.
                byte[] after = File.ReadAllBytes(repairPath);
                if (!after.AsSpan().StartsWith(input.AsSpan(0, (int)repair.TruncatedTo)))
                {
                    throw new OracleViolation("RepairAsync changed bytes before its cut");
                }

                ExpectNoCompleteLine(input.AsSpan((int)repair.TruncatedTo), "RepairAsync cut");
            }
        }
        catch (Exception e) when (e is SessionFormatException or UnsupportedSessionFormatException or SessionRepairRefusedException)
        {
            if (e is SessionFormatException && tolerate.Error is null)
            {
                throw new OracleViolation("RepairAsync failed on a readable file: " + e.Message, e);
            }

            if (!File.ReadAllBytes(repairPath).AsSpan().SequenceEqual(input))
            {
                throw new OracleViolation("RepairAsync refused the file but changed it");
            }
        }
        catch (Exception e) when (e is not OracleViolation)
        {
            throw new OracleViolation("RepairAsync threw " + e.GetType().FullName + ": " + e.Message, e);
        }

        string salvagePath = Path.Combine(scratch, "2_" + name + ".jsonl");
        File.WriteAllBytes(salvagePath, input);
        try
        {
            SalvageResult result = SessionFiles.SalvageAsync(salvagePath).GetAwaiter().GetResult();
            if (salvage.Result is null)
            {
                throw new OracleViolation("SalvageAsync succeeded where the salvage read failed");
            }

            ExpectStrict(salvagePath, salvage.Result.Messages, "after SalvageAsync");
            long dropped = result.BackupPath is null ? 0 : new FileInfo(result.BackupPath).Length;
            if (result.DroppedBytes != dropped)
            {
                throw new OracleViolation("SalvageAsync reported " + result.DroppedBytes + " dropped bytes, the sidecar holds " + dropped);
            }

            if (result.BackupPath is not null)
            {
                ExpectNoCompleteLine(File.ReadAllBytes(result.BackupPath), "SalvageAsync dropped");
            }
        }
        catch (SessionFormatException) when (salvage.Error is not null)
        {
            // Refused for the same over-long line the salvage read refused.
        }
        catch (Exception e) when (e is UnsupportedSessionFormatException or SessionRepairRefusedException)
        {
            if (!File.ReadAllBytes(salvagePath).AsSpan().SequenceEqual(input))
            {
                throw new OracleViolation("SalvageAsync refused the file but changed it");
            }
        }
        catch (Exception e) when (e is not OracleViolation)
        {
            throw new OracleViolation("SalvageAsync threw " + e.GetType().FullName + ": " + e.Message, e);
        }
        finally
        {
            foreach (string file in Directory.EnumerateFiles(scratch, "*" + name + "*"))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The entries as written, headers included: readable exactly when the strict read is, and the same messages before repair.</summary>
    private static void CheckEntries(string path, long length, Outcome strict)
    {
        var entries = new List<SessionEntry>();
        try
        {
            entries = ReadEntries(path).GetAwaiter().GetResult();
        }
        catch (SessionFormatException e)
        {
            CheckLocation(e, length, "ReadEntriesAsync");
            if (strict.Result is not null)
            {
                throw new OracleViolation("ReadEntriesAsync failed on a file that reads strictly: " + e.Message, e);
            }

            return;
        }
        catch (UnsupportedSessionFormatException e)
        {
            if (strict.Result is not null)
            {
                throw new OracleViolation("ReadEntriesAsync failed on a file that reads strictly: " + e.Message, e);
            }

            return;
        }
        catch (Exception e)
        {
            throw new OracleViolation("ReadEntriesAsync threw " + e.GetType().FullName + ": " + e.Message, e);
        }

        if (strict.Result is null)
        {
            throw new OracleViolation("ReadEntriesAsync read a file the strict read refuses");
        }

        List<Message> bodies = entries.OfType<SessionEntry.MessageEntry>().Select(entry => entry.Body).ToList();
        if (!ReferenceReader.DropIncompleteToolTurnTail(bodies).SequenceEqual(strict.Result.Messages))
        {
            throw new OracleViolation("ReadEntriesAsync gave other messages than the strict read");
        }
    }

    private static async Task<List<SessionEntry>> ReadEntries(string path)
    {
        var entries = new List<SessionEntry>();
        await foreach (SessionEntry entry in SessionReader.ReadEntriesAsync(path))
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>The listing summarizes any file without failing.</summary>
    private static void CheckListing(byte[] input, string scratch, string name)
    {
        var store = new SessionStore(Path.Combine(scratch, "store-" + name));
        const string Cwd = "/fuzz";
        try
        {
            store.Create(Cwd).Dispose();
            string path = Path.Combine(store.WorkspaceDirectory(Cwd), "1_" + name + ".jsonl");
            File.WriteAllBytes(path, input);
            SessionInfo? info = store.List(Cwd).SingleOrDefault(session => session.Path == path);
            if (info is null || info.Size != input.Length || info.MessageCount < 0)
            {
                throw new OracleViolation("the listing did not report the file as it is");
            }
        }
        catch (Exception e) when (e is not OracleViolation)
        {
            throw new OracleViolation("List threw " + e.GetType().FullName + ": " + e.Message, e);
        }
        finally
        {
            Directory.Delete(store.Root, recursive: true);
        }
    }

    /// <summary>
    /// No line of <paramref name="bytes"/> is a complete JSON value (judged by System.Text.Json on
    /// its own, not by the reader under test): only torn bytes may be cut or dropped.
    /// </summary>
    private static void ExpectNoCompleteLine(ReadOnlySpan<byte> bytes, string what)
    {
        foreach (Range range in bytes.Split((byte)'\n'))
        {
            ReadOnlySpan<byte> line = bytes[range].TrimEnd((byte)'\r');
            if (line.IsEmpty || !System.Text.Unicode.Utf8.IsValid(line))
            {
                continue;
            }

            var reader = new System.Text.Json.Utf8JsonReader(line, Rho.Fast.Serialization.Wire.ReaderOptions);
            try
            {
                if (!(reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.StartObject && reader.TrySkip() && !reader.Read()))
                {
                    continue;
                }
            }
            catch (System.Text.Json.JsonException)
            {
                continue;
            }

            // A whole object: whether it reads as an entry or only fails to map, a writer completed it.
            bool complete;
            try
            {
                complete = Rho.Fast.Serialization.Wire.Deserialize<SessionEntry>(line) is not null;
            }
            catch (Rho.Fast.Serialization.WireFormatException)
            {
                complete = true;
            }
            catch (System.Text.Json.JsonException)
            {
                complete = false;
            }

            if (complete)
            {
                throw new OracleViolation(what + " a complete entry: " + System.Text.Encoding.UTF8.GetString(line[..Math.Min(line.Length, 80)]));
            }
        }
    }

    private static void ExpectStrict(string path, IReadOnlyList<Message> expected, string when)
    {
        SessionReadResult read;
        try
        {
            read = SessionReader.ReadMessagesAsync(path, new SessionReadOptions { Recovery = SessionRecovery.Strict }).GetAwaiter().GetResult();
        }
        catch (SessionFormatException e)
        {
            throw new OracleViolation(when + ", the file does not read strictly: " + e.Message, e);
        }

        if (!read.Messages.SequenceEqual(expected))
        {
            throw new OracleViolation(when + ", the file reads to " + read.Messages.Count + " messages instead of " + expected.Count);
        }
    }

    /// <summary>One read: a result, a torn-line error, or a complete entry of a newer format.</summary>
    private sealed record Outcome(SessionReadResult? Result, SessionFormatException? Error, UnsupportedSessionFormatException? Newer = null);
}

/// <summary>What the reads of one input gave.</summary>
/// <param name="Read">The default read gave messages.</param>
/// <param name="TornTail">It ignored an unreadable last line.</param>
/// <param name="StrictRead">The strict read gave messages.</param>
/// <param name="Salvaged">Salvage skipped or recovered a line.</param>
internal readonly record struct OracleOutcome(bool Read, bool TornTail, bool StrictRead, bool Salvaged);

/// <summary>A promise of the reader broken by an input.</summary>
internal sealed class OracleViolation(string message, Exception? inner = null) : Exception(message, inner);
