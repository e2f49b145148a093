using System;
using System.Buffers;
using System.IO;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// Summarizes a session file for a listing without parsing it: message lines are counted by their
/// prefix, and only the first user message is parsed, for the title.
/// </summary>
internal static class SessionScanner
{
    private const int ChunkSize = 1 << 20;
    private const int TitleLength = 200;

    private static ReadOnlySpan<byte> MessagePrefix => "{\"type\":\"message\""u8;

    private static ReadOnlySpan<byte> UserMarker => "\"User\""u8;

    public static SessionInfo Summarize(string path, string id, DateTimeOffset created)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        long size = RandomAccess.GetLength(handle);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        long messages = 0;
        string? title = null;
        bool lastLineParsed = false;
        bool skippingLongLine = false;
        try
        {
            long offset = 0;
            int carry = 0;
            while (true)
            {
                if (carry == buffer.Length)
                {
                    if (buffer.Length >= SessionReadOptions.DefaultMaxLineLength)
                    {
                        // Longer than any reader accepts: skip it rather than hold it.
                        skippingLongLine = true;
                        carry = 0;
                    }
                    else
                    {
                        // A line longer than the buffer: grow it, so the line can still be read whole.
                        byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        buffer.AsSpan(0, carry).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }

                int read = RandomAccess.Read(handle, buffer.AsSpan(carry), offset);
                if (read == 0)
                {
                    // A last line without newline is counted only if it is whole.
                    if (carry > 0 && !skippingLongLine)
                    {
                        lastLineParsed = buffer.AsSpan(0, carry).StartsWith(MessagePrefix);
                        Line(buffer.AsSpan(0, carry), ref messages, ref title, mustParse: true);
                    }

                    break;
                }

                offset += read;
                Span<byte> data = buffer.AsSpan(0, carry + read);
                int position = 0;
                int newline;
                while ((newline = data[position..].IndexOf((byte)'\n')) >= 0)
                {
                    if (!skippingLongLine)
                    {
                        Line(data.Slice(position, newline), ref messages, ref title, mustParse: false);
                    }

                    skippingLongLine = false;
                    position += newline + 1;
                }

                if (skippingLongLine)
                {
                    position = data.Length;
                }

                carry = data.Length - position;
                data[position..].CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (messages > 0 && !lastLineParsed && LastLineIsTornMessage(handle, size))
        {
            messages--;
        }

        return new SessionInfo(id, path, created, size, messages, title);
    }

    /// <summary>Whether the last non-empty line looks like a message but does not parse: a torn write the count must not include.</summary>
    private static bool LastLineIsTornMessage(SafeFileHandle handle, long size)
    {
        // A last line without a newline was parsed already; this catches a torn line followed by one.
        const int Window = 1 << 16;
        int length = (int)Math.Min(size, Window);
        byte[] tail = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> bytes = tail.AsSpan(0, RandomAccess.Read(handle, tail.AsSpan(0, length), size - length));
            bytes = bytes.TrimEnd("\r\n \t"u8);
            int start = bytes.LastIndexOf((byte)'\n') + 1;
            if (start == 0 && length == Window)
            {
                // The last line is longer than the window: too long to be a quick check, count it.
                return false;
            }

            ReadOnlySpan<byte> last = bytes[start..];
            return last.StartsWith(MessagePrefix) && !CompleteJson.IsComplete(last);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(tail);
        }
    }

    private static void Line(ReadOnlySpan<byte> line, ref long messages, ref string? title, bool mustParse)
    {
        if (!line.StartsWith(MessagePrefix))
        {
            return;
        }

        if ((title is null && line.IndexOf(UserMarker) >= 0) || mustParse)
        {
            SessionEntry? entry = TryParse(line);
            if (entry is null)
            {
                return;
            }

            if (title is null && entry is SessionEntry.MessageEntry { Body: Message.User user })
            {
                title = TitleOf(user);
            }
        }

        messages++;
    }

    private static SessionEntry? TryParse(ReadOnlySpan<byte> line)
    {
        try
        {
            return Wire.Deserialize<SessionEntry>(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? TitleOf(Message.User user)
    {
        foreach (ContentBlock block in user.Content)
        {
            if (block is ContentBlock.Text { Value: var value } && value.ToString() is var text && !string.IsNullOrWhiteSpace(text))
            {
                string oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                return oneLine.Length <= TitleLength ? oneLine : oneLine[..TitleLength];
            }
        }

        return null;
    }
}
