using Rho.Fast.Serialization;

namespace Rho.Fast;

/// <summary>Which model produced a message: provider, API and model names.</summary>
/// <param name="Provider">The provider, e.g. <c>openai</c>.</param>
/// <param name="Api">The provider's API, e.g. <c>responses</c>.</param>
/// <param name="Model">The model, e.g. <c>gpt-5</c>.</param>
[WireRecord]
public sealed partial record ModelIdentity(string Provider, string Api, string Model)
{
    /// <summary>The identity rho gives a block that has none: three empty names.</summary>
    public static ModelIdentity None { get; } = new("", "", "");
}
