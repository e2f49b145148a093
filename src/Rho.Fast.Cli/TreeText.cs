using System.Collections.Generic;
using System.IO;

namespace Rho.Fast.Cli;

/// <summary>
/// Prints a session's conversation tree, one node per line, parents before children: a branch
/// is indented under the node it leaves, and the active branch is marked with <c>*</c>.
/// </summary>
internal sealed class TreeText(TextWriter output, Style style)
{
    public void Write(SessionTree tree)
    {
        if (tree.Nodes.Count == 0)
        {
            output.WriteLine(style.Dim("(no nodes: the session holds no state yet)"));
            return;
        }

        var children = new Dictionary<string, List<SessionTreeNode>>();
        var roots = new List<SessionTreeNode>();
        foreach (SessionTreeNode node in tree.Nodes)
        {
            if (node.ParentId is null)
            {
                roots.Add(node);
            }
            else
            {
                if (!children.TryGetValue(node.ParentId, out List<SessionTreeNode>? siblings))
                {
                    children[node.ParentId] = siblings = new List<SessionTreeNode>();
                }

                siblings.Add(node);
            }
        }

        // Depth-first without recursion: a legacy chain is as deep as the file is long.
        var stack = new Stack<(SessionTreeNode Node, int Depth, bool BranchStart)>();
        for (int i = roots.Count - 1; i >= 0; i--)
        {
            stack.Push((roots[i], 0, false));
        }

        while (stack.Count > 0)
        {
            (SessionTreeNode node, int depth, bool branchStart) = stack.Pop();
            WriteNode(node, depth, branchStart, node.Id == tree.ActiveLeafId);
            if (children.TryGetValue(node.Id, out List<SessionTreeNode>? next))
            {
                // The first child continues the line; each later one starts a branch one step in.
                for (int i = next.Count - 1; i >= 0; i--)
                {
                    stack.Push((next[i], i == 0 ? depth : depth + 1, i > 0));
                }
            }
        }

        output.WriteLine();
        output.WriteLine(style.Dim(Formats.Count(tree.Nodes.Count, "node") + "; '*' marks the active branch" + (tree.ActiveLeafId is null ? "" : ", ending at " + Printable.Line(tree.ActiveLeafId))));
    }

    private void WriteNode(SessionTreeNode node, int depth, bool branchStart, bool active)
    {
        string marker = node.IsOnActiveBranch ? style.Green("*") : " ";
        string indent = new string(' ', 2 * depth) + (branchStart ? "└ " : depth > 0 ? "  " : "");
        string kind = node.Kind == NodeKind.Compaction ? style.Yellow("compaction") : "commit";
        string counts = Formats.Count(node.DisplayMessageCount, "message") + " shown, " + node.ModelMessageCount + " in the model history";
        string time = Formats.UnixSeconds(node.Timestamp);
        output.WriteLine(marker + " " + indent + style.Bold(Printable.Line(node.Id)) + "  " + kind + "  " + counts + "  " + style.Dim(time) + (active ? "  " + style.Green("← active") : ""));
    }
}
