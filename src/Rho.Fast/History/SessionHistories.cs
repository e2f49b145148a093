using System.Collections.Generic;

namespace Rho.Fast;

/// <summary>
/// The two histories rho 1.47 resumes a session with, rebuilt from a file of any format from 1 to
/// 4: what is sent to the model, and what the user saw.
/// </summary>
public sealed class SessionHistories
{
    internal SessionHistories(IReadOnlyList<Message> model, IReadOnlyList<Message> display, IReadOnlyList<Message> shown, SessionTree tree, SessionReadSummary summary, int modelCut, int displayCut)
    {
        Shown = shown;
        Model = model;
        Display = display;
        Tree = tree;
        Summary = summary;
        ModelMessagesCut = modelCut;
        DisplayMessagesCut = displayCut;
    }

    /// <summary>
    /// The model history: the active branch's state after every snapshot, delta, replacement and
    /// compaction, ending before the first tool turn that is not answered in full (rho's rule).
    /// In a file of rho 1.47's formats (<see cref="SessionReadSummary.IsReadOnlyFormat"/>) free JSON
    /// values are in the form rho 1.47 writes them after reading (keys as read, numbers re-read and
    /// re-written); in a file of the original format they are as written, as its reader returns them.
    /// </summary>
    public IReadOnlyList<Message> Model { get; }

    /// <summary>
    /// The display history: what the user saw along the active branch, with rho's "◆ Compacted
    /// context" notice after each compaction, cut by the same rule.
    /// </summary>
    public IReadOnlyList<Message> Display { get; }

    /// <summary>What the user saw on the active branch without compaction notices, cut by the tool-turn rule: what rho's session index counts.</summary>
    internal IReadOnlyList<Message> Shown { get; }

    /// <summary>The conversation tree: every node, and the active leaf.</summary>
    public SessionTree Tree { get; }

    /// <summary>What the read found: header, format version, torn tail, unknown entries.</summary>
    public SessionReadSummary Summary { get; }

    /// <summary>How many messages of the active state's model history the tool-turn rule left out.</summary>
    public int ModelMessagesCut { get; }

    /// <summary>How many displayed messages the tool-turn rule left out.</summary>
    public int DisplayMessagesCut { get; }
}
