using System.Collections.Frozen;

namespace YouthJustice.Sdk.Domain;

/// <summary>
/// A detailed ethnicity category (the ONS 2021 census classification, with the short codes used by the
/// school census and case management systems), and the reporting group it belongs to.
/// </summary>
/// <remarks>
/// <para>Instances are interned: two categories are equal exactly when their codes are equal.
/// Codes compare case-insensitively when parsed and are always held upper case.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class EthnicityCategory : IEquatable<EthnicityCategory>
{
    private EthnicityCategory(string code, string name, EthnicityGroup group)
    {
        Code = code;
        Name = name;
        Group = group;
    }

    /// <summary>The short code, e.g. <c>WBRI</c>.</summary>
    public string Code { get; }

    /// <summary>The category's name as the census words it.</summary>
    public string Name { get; }

    /// <summary>The reporting group the category belongs to.</summary>
    public EthnicityGroup Group { get; }

#pragma warning disable CS1591 // The names document themselves; see Name for the census wording.
    public static readonly EthnicityCategory WhiteBritish = new("WBRI", "White: English, Welsh, Scottish, Northern Irish or British", EthnicityGroup.WhiteBritish);
    public static readonly EthnicityCategory WhiteIrish = new("WIRI", "White: Irish", EthnicityGroup.WhiteOther);
    public static readonly EthnicityCategory WhiteGypsyOrIrishTraveller = new("WIRT", "White: Gypsy or Irish Traveller", EthnicityGroup.WhiteOther);
    public static readonly EthnicityCategory WhiteRoma = new("WROM", "White: Roma", EthnicityGroup.WhiteOther);
    public static readonly EthnicityCategory WhiteOther = new("WOTH", "White: Any other White background", EthnicityGroup.WhiteOther);
    public static readonly EthnicityCategory MixedWhiteAndBlackCaribbean = new("MWBC", "Mixed: White and Black Caribbean", EthnicityGroup.Mixed);
    public static readonly EthnicityCategory MixedWhiteAndBlackAfrican = new("MWBA", "Mixed: White and Black African", EthnicityGroup.Mixed);
    public static readonly EthnicityCategory MixedWhiteAndAsian = new("MWAS", "Mixed: White and Asian", EthnicityGroup.Mixed);
    public static readonly EthnicityCategory MixedOther = new("MOTH", "Mixed: Any other Mixed or multiple ethnic background", EthnicityGroup.Mixed);
    public static readonly EthnicityCategory AsianIndian = new("AIND", "Asian: Indian", EthnicityGroup.Asian);
    public static readonly EthnicityCategory AsianPakistani = new("APKN", "Asian: Pakistani", EthnicityGroup.Asian);
    public static readonly EthnicityCategory AsianBangladeshi = new("ABAN", "Asian: Bangladeshi", EthnicityGroup.Asian);
    public static readonly EthnicityCategory AsianChinese = new("CHNE", "Asian: Chinese", EthnicityGroup.Asian);
    public static readonly EthnicityCategory AsianOther = new("AOTH", "Asian: Any other Asian background", EthnicityGroup.Asian);
    public static readonly EthnicityCategory BlackAfrican = new("BAFR", "Black: African", EthnicityGroup.Black);
    public static readonly EthnicityCategory BlackCaribbean = new("BCRB", "Black: Caribbean", EthnicityGroup.Black);
    public static readonly EthnicityCategory BlackOther = new("BOTH", "Black: Any other Black, Black British or Caribbean background", EthnicityGroup.Black);
    public static readonly EthnicityCategory OtherArab = new("ARAB", "Other ethnic group: Arab", EthnicityGroup.Other);
    public static readonly EthnicityCategory OtherAny = new("OOTH", "Other ethnic group: Any other ethnic group", EthnicityGroup.Other);
    public static readonly EthnicityCategory Refused = new("REFU", "Refused", EthnicityGroup.NotKnown);
    public static readonly EthnicityCategory NotObtained = new("NOBT", "Information not yet obtained", EthnicityGroup.NotKnown);
#pragma warning restore CS1591

    /// <summary>Every category, in census order.</summary>
    public static IReadOnlyList<EthnicityCategory> All { get; } =
    [
        WhiteBritish, WhiteIrish, WhiteGypsyOrIrishTraveller, WhiteRoma, WhiteOther,
        MixedWhiteAndBlackCaribbean, MixedWhiteAndBlackAfrican, MixedWhiteAndAsian, MixedOther,
        AsianIndian, AsianPakistani, AsianBangladeshi, AsianChinese, AsianOther,
        BlackAfrican, BlackCaribbean, BlackOther,
        OtherArab, OtherAny,
        Refused, NotObtained,
    ];

    private static readonly FrozenDictionary<string, EthnicityCategory> ByCode =
        All.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a category by its code, ignoring case.</summary>
    /// <returns><see langword="true"/> when the code is known.</returns>
    public static bool TryFromCode(string? code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EthnicityCategory? category)
    {
        category = null;
        return code is not null && ByCode.TryGetValue(code.Trim(), out category);
    }

    /// <summary>Finds a category by its code, ignoring case.</summary>
    /// <exception cref="ArgumentException">The code is not a known category.</exception>
    public static EthnicityCategory FromCode(string code) =>
        TryFromCode(code, out var category)
            ? category
            : throw new ArgumentException($"'{code}' is not a known ethnicity category code. Known codes: {string.Join(", ", All.Select(c => c.Code))}.", nameof(code));

    /// <inheritdoc />
    public bool Equals(EthnicityCategory? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EthnicityCategory);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>The code.</summary>
    public override string ToString() => Code;
}
