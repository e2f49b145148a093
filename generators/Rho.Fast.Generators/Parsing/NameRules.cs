using System.Text;

namespace Rho.Fast.Generators.Parsing;

/// <summary>serde's <c>rename_all</c> rules, applied to a PascalCase C# name.</summary>
internal static class NameRules
{
    // Values mirror Rho.Fast.Serialization.RenameRule.
    public const int None = 0;
    public const int SnakeCase = 1;
    public const int CamelCase = 2;
    public const int KebabCase = 3;
    public const int Lowercase = 4;
    public const int Uppercase = 5;
    public const int ScreamingSnakeCase = 6;

    public static string Apply(int rule, string name) => rule switch
    {
        SnakeCase => Separate(name, '_', upper: false),
        CamelCase => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1),
        KebabCase => Separate(name, '-', upper: false),
        Lowercase => name.ToLowerInvariant(),
        Uppercase => name.ToUpperInvariant(),
        ScreamingSnakeCase => Separate(name, '_', upper: true),
        _ => name,
    };

    // serde inserts the separator before every uppercase letter but the first.
    private static string Separate(string name, char separator, bool upper)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append(separator);
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
