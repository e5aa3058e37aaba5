namespace YouthJustice.Sdk.Internal;

/// <summary>Argument checks shared by the SDK, so every check reports the parameter by name.</summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>(T? argument, string paramName)
        where T : class =>
        argument ?? throw new ArgumentNullException(paramName);

    internal static string CheckNotBlank(string? argument, string paramName)
    {
        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new ArgumentException("Value must not be null, empty or white space.", paramName);
        }
        return argument;
    }

    internal static int CheckRange(int value, int minInclusive, int maxInclusive, string paramName)
    {
        if (value < minInclusive || value > maxInclusive)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value must be between {minInclusive} and {maxInclusive} inclusive.");
        }
        return value;
    }

    internal static void CheckArgument(bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }
}
