namespace AutoFinance.Cli.Common;

/// <summary>The user gave input the command cannot use; the message names the field and the problem.</summary>
public sealed class BadInputException(string message) : Exception(message);
