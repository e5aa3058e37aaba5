using System.CommandLine;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary>Options every command shares: how to print, and where.</summary>
internal static class CommonOptions
{
    public static readonly Option<OutputFormat> Format = new("--format", "-f")
    {
        Description = "How to print the result: table, json or csv.",
        DefaultValueFactory = _ => OutputFormat.Table,
        Recursive = true,
    };

    public static readonly Option<FileInfo?> Output = new("--output", "-o")
    {
        Description = "Write the result to this file instead of the console.",
        Recursive = true,
    };
}
