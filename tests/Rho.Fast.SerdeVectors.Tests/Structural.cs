using System;
using System.Collections;
using System.Reflection;

namespace Rho.Fast.SerdeVectors.Tests;

/// <summary>
/// Equality by content for the vector types: records compare their public properties, lists their
/// elements in order, maps their entries by key, and everything else by <see cref="object.Equals(object)"/>.
/// A record's own equality compares lists and maps by reference, which no value read back can meet.
/// </summary>
internal static class Structural
{
    /// <summary>Where <paramref name="left"/> and <paramref name="right"/> first differ, or <see langword="null"/> when they are equal.</summary>
    public static string? Difference(object? left, object? right, string path = "value")
    {
        if (left is null || right is null)
        {
            return left is null && right is null ? null : path + ": " + Show(left) + " against " + Show(right);
        }

        if (left.GetType() != right.GetType())
        {
            return path + ": a " + left.GetType().Name + " against a " + right.GetType().Name;
        }

        if (left is IDictionary leftMap)
        {
            var rightMap = (IDictionary)right;
            if (leftMap.Count != rightMap.Count)
            {
                return path + ": " + leftMap.Count + " entries against " + rightMap.Count;
            }

            foreach (DictionaryEntry entry in leftMap)
            {
                if (!rightMap.Contains(entry.Key))
                {
                    return path + ": no key " + entry.Key + " on the right";
                }

                if (Difference(entry.Value, rightMap[entry.Key], path + "[" + entry.Key + "]") is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        if (left is IList leftList)
        {
            var rightList = (IList)right;
            if (leftList.Count != rightList.Count)
            {
                return path + ": " + leftList.Count + " elements against " + rightList.Count;
            }

            for (int i = 0; i < leftList.Count; i++)
            {
                if (Difference(leftList[i], rightList[i], path + "[" + i + "]") is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        Type type = left.GetType();
        if (type.Assembly == typeof(Structural).Assembly && !type.IsEnum)
        {
            foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (Difference(property.GetValue(left), property.GetValue(right), path + "." + property.Name) is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        return left.Equals(right) ? null : path + ": " + Show(left) + " against " + Show(right);
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
