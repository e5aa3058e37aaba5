using System.Diagnostics;
using System.Reflection;

namespace YouthJustice.Sdk.Console.Tests;

/// <summary>Runs the console sample (<c>yj.dll</c>) as a separate process, as a user would.</summary>
internal static class ConsoleProcess
{
    private static readonly string ConsoleAssembly =
        typeof(ConsoleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ConsoleAssembly").Value!;

    /// <summary>The ids of the plugins built beside the console (found, not listed: a new plugin needs no change here).</summary>
    public static IReadOnlyList<string> BuiltPluginIds =>
        [.. Directory.GetDirectories(Path.Combine(Path.GetDirectoryName(ConsoleAssembly)!, "plugins")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{StdOut}\n--- stderr ---\n{StdErr}";
    }

    public static Result Run(string workingDirectory, params string[] args)
    {
        Assert.True(File.Exists(ConsoleAssembly), $"The console sample was not built at {ConsoleAssembly}.");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ConsoleAssembly);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        // A wide, colourless terminal so tables are not wrapped or decorated in captured output.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["COLUMNS"] = "240";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"yj {string.Join(' ', args)} did not finish within 3 minutes.");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
