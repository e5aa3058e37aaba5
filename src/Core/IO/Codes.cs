using System.Collections.Frozen;
using System.Text;
using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.IO;

/// <summary>
/// The stable text codes of the domain enums in the dataset format: each member's name in upper snake case
/// (<c>NonBinary</c> → <c>NON_BINARY</c>), read ignoring case.
/// </summary>
/// <remarks>The codes are part of the file format: renaming an enum member changes its code, so members are never
/// renamed without a format version bump. Thread-safe.</remarks>
public static class DatasetCodes
{
    /// <summary>The code of an enum value, e.g. <c>Sex.NonBinary</c> → <c>NON_BINARY</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a named member (flag combinations have no single code).</exception>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        CodeTable<TEnum>.Instance.Format(value);

    /// <summary>Every code of an enum, in member order.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum =>
        CodeTable<TEnum>.Instance.Codes;

    /// <summary>Parses a code, ignoring case and surrounding white space.</summary>
    /// <returns><see langword="true"/> when <paramref name="code"/> is a code of <typeparamref name="TEnum"/>.</returns>
    public static bool TryParse<TEnum>(string? code, out TEnum value)
        where TEnum : struct, Enum =>
        CodeTable<TEnum>.Instance.TryParse(code, out value);

    internal static string ToUpperSnake(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c))
            {
                text.Append('_');
            }
            text.Append(char.ToUpperInvariant(c));
        }
        return text.ToString();
    }
}

/// <summary>The code table of one enum, built once.</summary>
internal sealed class CodeTable<TEnum>
    where TEnum : struct, Enum
{
    public static readonly CodeTable<TEnum> Instance = new();

    private readonly FrozenDictionary<string, TEnum> _byCode;
    private readonly FrozenDictionary<TEnum, string> _byValue;

    private CodeTable()
    {
        var values = Enum.GetValues<TEnum>();
        var codes = new string[values.Length];
        var byCode = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
        var byValue = new Dictionary<TEnum, string>();
        for (var i = 0; i < values.Length; i++)
        {
            codes[i] = DatasetCodes.ToUpperSnake(Enum.GetName(values[i])!);
            byCode.Add(codes[i], values[i]);
            byValue.Add(values[i], codes[i]);
        }
        Codes = codes;
        _byCode = byCode.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _byValue = byValue.ToFrozenDictionary();
    }

    public IReadOnlyList<string> Codes { get; }

    public bool TryParse(string? code, out TEnum value)
    {
        if (code is not null && _byCode.TryGetValue(code.Trim(), out value))
        {
            return true;
        }
        value = default;
        return false;
    }

    public string Format(TEnum value) =>
        _byValue.TryGetValue(value, out var code)
            ? code
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} value {value} has no code.");
}

/// <summary>Reads and writes the <see cref="Needs"/> flags as a <c>;</c>-separated list of codes.</summary>
internal static class NeedsCodes
{
    public static string? Format(Needs needs)
    {
        if (needs == Needs.None)
        {
            return null;
        }
        var text = new StringBuilder();
        foreach (var flag in Enum.GetValues<Needs>())
        {
            if (flag != Needs.None && (needs & flag) == flag)
            {
                if (text.Length > 0)
                {
                    text.Append(';');
                }
                text.Append(DatasetCodes.Of(flag));
            }
        }
        return text.ToString();
    }
}
