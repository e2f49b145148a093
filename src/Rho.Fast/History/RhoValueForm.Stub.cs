using Rho.Fast.Serialization;
namespace Rho.Fast;
internal static class RhoValueForm
{
    public static RawJson Canonical(RawJson value) => value;
    public static long CharCount(RawJson value) => System.Text.Encoding.UTF8.GetCharCount(value.Utf8.Span);
}
