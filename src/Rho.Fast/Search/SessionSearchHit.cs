namespace Rho.Fast;

/// <summary>A message that contains the searched text.</summary>
/// <param name="SessionId">The session's id, from its header (else from its file name).</param>
/// <param name="Path">The session file.</param>
/// <param name="MessageIndex">The message's index in the history, from 0: the message lines before it in the file.</param>
/// <param name="Message">The message.</param>
/// <param name="Snippet">The text around the first match, on one line (control characters as spaces), with … where it was cut.</param>
/// <param name="MatchStart">Where the match starts in <paramref name="Snippet"/>.</param>
/// <param name="MatchLength">The match's length in <paramref name="Snippet"/>.</param>
public sealed record SessionSearchHit(string SessionId, string Path, int MessageIndex, Message Message, string Snippet, int MatchStart, int MatchLength);
