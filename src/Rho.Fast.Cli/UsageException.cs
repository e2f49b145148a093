using System;

namespace Rho.Fast.Cli;

/// <summary>A mistake in what the user asked for, with a message ready to print as it is.</summary>
internal sealed class UsageException(string message) : Exception(message);
