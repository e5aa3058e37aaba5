using System.CommandLine;
using System.CommandLine.Invocation;
using Spectre.Console;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Samples.Console;
using YouthJustice.Sdk.Hosting;

// yj: a thin console host over YouthJustice.Sdk. With no arguments it prints the indicator report for the sample
// dataset embedded in it. Exit codes are in ExitCodes.cs and README.md.

// Progress goes to standard error so that standard output holds only the result (safe to pipe JSON or CSV).
var progress = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

var root = new RootCommand("yj: youth justice indicators from case-level data (a YouthJustice.Sdk sample host). With no command, prints the indicator report for the embedded sample dataset.")
{
    CommonOptions.Format,
    CommonOptions.Output,
    GenerateCommand.Create(progress),
    ValidateCommand.Create(progress),
    ImportCommand.Create(progress),
    ReportCommand.Create(progress),
    ExplainCommand.Create(progress),
    InspectCommand.Create(),
    TrackerCommand.Create(progress),
    PluginsCommand.Create(),
};
ReportCommand.AddTo(root, progress);

try
{
    var parse = root.Parse(args);
    if (parse.Action is ParseErrorAction)
    {
        // A wrong command line is exit 2 (README), whatever System.CommandLine's own default would be.
        foreach (var error in parse.Errors)
        {
            Console.Error.WriteLine(error.Message);
        }
        Console.Error.WriteLine($"Run '{string.Join(' ', CommandPath(parse.CommandResult.Command))} --help' for the options.");
        return ExitCodes.UsageError;
    }
    // The SDK's own failures are mapped to documented exit codes below, so System.CommandLine must let them through.
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (PluginFailureException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine("Use --continue-without-faulty-plugins to run without them, or `yj plugins list` to see every plugin's status.");
    return ExitCodes.PluginError;
}
catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine(ex.Message);
    return ExitCodes.IoError;
}
catch (FormatException ex)
{
    Console.Error.WriteLine(ex.Message);
    return ExitCodes.UsageError;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"Internal error (a bug in yj or the SDK; please report it with this message): {ex}");
    return ExitCodes.InternalError;
}

static IEnumerable<string> CommandPath(Command command)
{
    var names = new List<string>();
    for (Symbol? symbol = command; symbol is Command c; symbol = c.Parents.FirstOrDefault())
    {
        names.Insert(0, c is RootCommand ? "yj" : c.Name);
    }
    return names;
}
