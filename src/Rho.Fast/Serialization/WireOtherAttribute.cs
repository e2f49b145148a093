using System;

namespace Rho.Fast.Serialization;

/// <summary>
/// The case that takes any case name the union or enum does not know. On a unit case or an enum
/// member it is serde's <c>other</c>: the data is dropped, and the case writes its own name. On a
/// case with one <see cref="RawJson"/> member (a deliberate addition to serde) the whole unknown
/// value is kept and written back byte for byte, so an older reader never loses what a newer
/// writer wrote.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class WireOtherAttribute : Attribute
{
}
