using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace YouthJustice.Sdk.Samples.Console;

/// <summary>Options every command shares: how to print, and where.</summary>
internal static class CommonOptions
{
    public static readonly Option<OutputFormat> Format = new("--format", "-f")
    {
        Description = "How to print the result: table, json or csv; for report also xlsx (the board pack) or parquet (the figures), which need --output.",
        DefaultValueFactory = _ => OutputFormat.Table,
        CustomParser = r => Choices.Parse<OutputFormat>(r, "--format"),
        HelpName = Choices.HelpName<OutputFormat>(),
        Recursive = true,
    };

    public static readonly Option<FileInfo?> Output = new("--output", "-o")
    {
        Description = "Write the result to this file instead of the console.",
        HelpName = "file",
        Recursive = true,
    };
}

/// <summary>Parsers whose errors name the option and list the valid values in words, not .NET type names.</summary>
internal static class Choices
{
    /// <summary>An enum value by its lower-case name; anything else is a usage error listing the names.</summary>
    public static T Parse<T>(ArgumentResult result, string option)
        where T : struct, Enum
    {
        var text = Token(result);
        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(Name(value), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        result.AddError($"'{text}' is not a valid value for {option}: use one of {string.Join(", ", Enum.GetValues<T>().Select(Name))}.");
        return default;
    }

    public static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static string HelpName<T>()
        where T : struct, Enum => string.Join("|", Enum.GetValues<T>().Select(Name));

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int WholeNumber(ArgumentResult result, string option, int min, int max)
    {
        var text = Token(result);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }
        result.AddError(string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a valid value for {option}: use a whole number from {min} to {max}."));
        return min;
    }

    /// <summary>A number greater than 0 and at most <paramref name="max"/>.</summary>
    public static double PositiveNumber(ArgumentResult result, string option, double max)
    {
        var text = Token(result);
        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var x) && x > 0 && x <= max)
        {
            return x;
        }
        result.AddError(string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a valid value for {option}: use a number greater than 0 and at most {max} (e.g. 0.5 or 2)."));
        return 1;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";

    /// <summary>Refuses a dataset argument that looks like an option the command does not have (e.g. <c>--bogus</c>).</summary>
    public static void RefuseOptionLikeValues(Argument argument) =>
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-'))
                {
                    result.AddError($"Unrecognized option '{token.Value}' (a dataset folder whose name starts with '-' can be given as ./{token.Value}).");
                }
            }
        });
}
