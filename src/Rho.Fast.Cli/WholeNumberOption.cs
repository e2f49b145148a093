using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace Rho.Fast.Cli;

/// <summary>
/// Options that take a whole number in a range. The value is parsed here rather than by
/// System.CommandLine, so a bad value is a parse error with a plain message, never an exception
/// from a validator that reads a value that did not parse.
/// </summary>
internal static class WholeNumberOption
{
    public static Option<T> Create<T>(string name, string? alias, T minimum, T maximum, string description, string helpName)
        where T : struct, IBinaryInteger<T>
    {
        Option<T> option = alias is null ? new Option<T>(name) : new Option<T>(name, alias);
        option.Description = description;
        option.HelpName = helpName;
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (T.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out T value) && value >= minimum && value <= maximum)
            {
                return value;
            }

            result.AddError(name + " takes a whole number from " + minimum.ToString(null, CultureInfo.InvariantCulture) + " to "
                + maximum.ToString(null, CultureInfo.InvariantCulture) + ", not '" + text + "'");
            return default;
        };
        return option;
    }
}
