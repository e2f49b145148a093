using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>
/// One line of a session file, internally tagged by <c>"type"</c>:
/// <c>{"type":"session",...}</c> or <c>{"type":"message",...}</c>.
/// </summary>
[TaggedUnion(Tag = "type", RenameAll = RenameRule.SnakeCase)]
public abstract partial record SessionEntry
{
    // Closed hierarchy: only the cases below derive from it.
    private SessionEntry()
    {
    }

    /// <summary>The header, the first line of every session file.</summary>
    /// <param name="Version">The format version, 1.</param>
    /// <param name="Id">The session id, a UUID v4.</param>
    /// <param name="Timestamp">Unix seconds as a decimal string.</param>
    /// <param name="Cwd">The working directory the session belongs to.</param>
    [WireCase(Name = "session")]
    public sealed partial record Header(uint Version, string Id, string Timestamp, string Cwd) : SessionEntry;

    /// <summary>A conversation message.</summary>
    /// <param name="Timestamp">Unix seconds as a decimal string.</param>
    /// <param name="Body">The message, written under the key <c>message</c>.</param>
    [WireCase(Name = "message")]
    public sealed partial record MessageEntry(string Timestamp, [WireName("message")] Message Body) : SessionEntry;
}
