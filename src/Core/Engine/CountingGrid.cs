using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

/// <summary>
/// The dense layout the one-pass counters (the KPIs' and the local measures') count into: one slot per
/// (period, area, cell), so a unit's area and cells are resolved to numbers once and no dictionary of tuples is kept.
/// </summary>
/// <remarks>Not thread-safe: <see cref="TryArea"/> caches the last area looked up (units usually come grouped by area).</remarks>
internal sealed class CountingGrid
{
    private readonly Dictionary<string, int> _areaIndex;
    private readonly Dictionary<BreakdownKey, int> _cellOf;
    private readonly Dictionary<BreakdownKey, int> _cellOfReference;
    private readonly IReadOnlyList<BreakdownKey> _layout;
    private string? _lastArea;
    private int _lastAreaIndex = -1;

    /// <summary>A grid over <paramref name="periodCount"/> periods, <paramref name="areas"/> and the cells of
    /// <paramref name="layout"/>; a key the layout repeats shares the first one's cell.</summary>
    public CountingGrid(int periodCount, IReadOnlyList<string> areas, IReadOnlyList<BreakdownKey> layout)
    {
        Areas = areas;
        _layout = layout;
        _areaIndex = new Dictionary<string, int>(areas.Count, StringComparer.Ordinal);
        for (var a = 0; a < areas.Count; a++)
        {
            _areaIndex[areas[a]] = a;
        }
        // Cells by key: the layout's own instances by reference first (what most units carry), then by value.
        _cellOf = new Dictionary<BreakdownKey, int>(layout.Count);
        _cellOfReference = new Dictionary<BreakdownKey, int>(layout.Count, ReferenceEqualityComparer.Instance);
        for (var k = 0; k < layout.Count; k++)
        {
            _cellOf.TryAdd(layout[k], k);
            _cellOfReference.TryAdd(layout[k], _cellOf[layout[k]]);
        }
        SlotCount = periodCount * areas.Count * layout.Count;
    }

    /// <summary>The areas, in the order of their slots.</summary>
    public IReadOnlyList<string> Areas { get; }

    /// <summary>The number of slots.</summary>
    public int SlotCount { get; }

    /// <summary>The index of <paramref name="areaCode"/> among <see cref="Areas"/>, or false for an area not reported.</summary>
    public bool TryArea(string areaCode, out int area)
    {
        if (!ReferenceEquals(areaCode, _lastArea))
        {
            _lastArea = areaCode;
            _lastAreaIndex = _areaIndex.TryGetValue(areaCode, out var found) ? found : -1;
        }
        area = _lastAreaIndex;
        return area >= 0;
    }

    /// <summary>The slot of <paramref name="key"/> for period <paramref name="period"/> and area <paramref name="area"/>,
    /// or false for a key the layout does not have (not counted).</summary>
    public bool TrySlot(int period, int area, BreakdownKey key, out int slot)
    {
        if (!_cellOfReference.TryGetValue(key, out var cell) && !_cellOf.TryGetValue(key, out cell))
        {
            slot = -1;
            return false;
        }
        slot = Base(period, area) + cell;
        return true;
    }

    /// <summary>The slot the result for the layout's <paramref name="cell"/>-th key reads (a repeated key reads the first one's).</summary>
    public int ResultSlot(int period, int area, int cell) => Base(period, area) + _cellOf[_layout[cell]];

    private int Base(int period, int area) => (period * Areas.Count + area) * _layout.Count;
}
