using System;
using System.Collections.Generic;
using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>A block of message content, externally tagged: <c>{"Text":"..."}</c> or <c>{"ToolCall":{...}}</c>.</summary>
[TaggedUnion]
public abstract partial record ContentBlock
{
    private ContentBlock()
    {
    }

    /// <summary>Plain text.</summary>
    /// <param name="Value">The text.</param>
    public sealed partial record Text(Utf8Text Value) : ContentBlock;

    /// <summary>A request to run a tool.</summary>
    /// <param name="Call">The call.</param>
    public sealed partial record ToolCall(ToolInvocation Call) : ContentBlock;

    internal static bool SequenceEqual(IReadOnlyList<ContentBlock> left, IReadOnlyList<ContentBlock> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        for (int i = 0; i < left.Count; i++)
        {
            if (!Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    internal static int SequenceHashCode(IReadOnlyList<ContentBlock> blocks)
    {
        var hash = new HashCode();
        for (int i = 0; i < blocks.Count; i++)
        {
            hash.Add(blocks[i]);
        }

        return hash.ToHashCode();
    }
}
