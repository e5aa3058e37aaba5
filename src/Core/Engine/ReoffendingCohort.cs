using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Engine;

/// <summary>The rules that pick a reoffending cohort and count its reoffences (shared by the MoJ measure and the live tracker).</summary>
internal sealed class CohortRules
{
    internal required string[] IndexTypes { get; init; }
    internal required string[] CustodialTypes { get; init; }
    internal required bool CustodyByReleaseDate { get; init; }
    internal required string[] ProvingTypes { get; init; }
    internal required string[] BreachTypes { get; init; }
    internal required bool BreachOnlyIfResentenced { get; init; }
    internal required int FollowUpMonths { get; init; }
    internal required int WaitingMonths { get; init; }
    internal required MonthEndRule MonthEndRule { get; init; }
    internal required int MinAge { get; init; }
    internal required int MaxAge { get; init; }
    internal National.LeapDayBirthdayRule LeapDayRule { get; init; }

    /// <summary>The last day of the follow-up (inclusive) for an index date.</summary>
    internal int FollowUpEnd(int indexDay) => DateArithmetic.PlusMonths(indexDay, FollowUpMonths, MonthEndRule);

    /// <summary>The last day (inclusive) a reoffence may be proven: the follow-up end plus the waiting period.</summary>
    internal int ProvenBy(int followUpEnd) => DateArithmetic.PlusMonths(followUpEnd, WaitingMonths, MonthEndRule);
}

/// <summary>One child's membership of one cohort: the index event, the windows and the reoffences counted.</summary>
internal sealed class CohortMember
{
    internal required int Child { get; init; }
    internal required int IndexOutcome { get; init; }
    internal required int IndexDay { get; init; }
    internal required int Age { get; init; }
    internal required int FollowUpEnd { get; init; }
    internal required int ProvenBy { get; init; }
    internal required int[] Reoffences { get; init; }

    /// <summary>The committed date of the first reoffence, or <see cref="DatasetIndex.NoDay"/>.</summary>
    internal required int FirstReoffenceDay { get; init; }

    internal bool Reoffended => Reoffences.Length > 0;
}

/// <summary>Builds reoffending cohorts over a <see cref="DatasetIndex"/> in one pass over the children.</summary>
internal static class ReoffendingCohort
{
    /// <summary>
    /// The cohort of children whose first index event falls in [<paramref name="start"/>, <paramref name="end"/>] (day numbers,
    /// inclusive), aged within the rules' range on the index date, each with the reoffences the rules count.
    /// </summary>
    /// <param name="index">The dataset index.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="start">First day of the cohort period.</param>
    /// <param name="end">Last day of the cohort period (inclusive).</param>
    /// <param name="slotOfChild">The area slot of a child, or -1 to leave the child out.</param>
    /// <param name="perArea">Members are appended to their area slot's list.</param>
    internal static void Build(DatasetIndex index, CohortRules rules, int start, int end, Func<int, int> slotOfChild, List<CohortMember>[] perArea)
    {
        var isIndex = index.TypeMask(rules.IndexTypes);
        var isCustodial = index.TypeMask(rules.CustodialTypes);
        var proves = index.TypeMask(rules.ProvingTypes);
        var isBreach = index.TypeMask(rules.BreachTypes);
        var counted = new List<int>();
        for (var c = 0; c < index.ChildCount; c++)
        {
            var slot = slotOfChild(c);
            if (slot < 0)
            {
                continue;
            }
            int first = index.ChildOutcomeStart[c], last = index.ChildOutcomeStart[c + 1];

            // The index event: the earliest qualifying event in the period (custody by release or sentence date).
            int indexOutcome = -1, indexDay = DatasetIndex.NoDay;
            for (var o = first; o < last; o++)
            {
                var t = index.OutcomeType[o];
                if (!isIndex[t])
                {
                    continue;
                }
                var day = isCustodial[t] && rules.CustodyByReleaseDate ? index.OutcomeRelease[o] : index.OutcomeDate[o];
                if (day != DatasetIndex.NoDay && day >= start && day <= end && day < indexDay)
                {
                    indexDay = day;
                    indexOutcome = o;
                }
            }
            if (indexOutcome < 0)
            {
                continue;
            }
            var age = index.AgeOn(c, indexDay, rules.LeapDayRule);
            if (age < rules.MinAge || age > rules.MaxAge)
            {
                continue;
            }
            var followUpEnd = rules.FollowUpEnd(indexDay);
            var provenBy = rules.ProvenBy(followUpEnd);
            var disposedAtIndex = index.OffencesOf(indexOutcome);

            // Reoffences: offences committed after the index date up to the follow-up end, proven by a caution or
            // conviction (or a breach where re-sentenced) dated no later than the waiting period's end; each offence once.
            counted.Clear();
            var firstReoffence = DatasetIndex.NoDay;
            for (var o = first; o < last; o++)
            {
                if (o == indexOutcome || index.OutcomeDate[o] > provenBy)
                {
                    continue;
                }
                var t = index.OutcomeType[o];
                if (!proves[t] && !(isBreach[t] && (!rules.BreachOnlyIfResentenced || index.OutcomeResentenced[o])))
                {
                    continue;
                }
                foreach (var f in index.OffencesOf(o))
                {
                    var committed = index.OffenceCommitted[f];
                    if (committed > indexDay && committed <= followUpEnd && index.OutcomeDate[o] >= committed
                        && !disposedAtIndex.Contains(f) && !counted.Contains(f))
                    {
                        counted.Add(f);
                        firstReoffence = Math.Min(firstReoffence, committed);
                    }
                }
            }
            counted.Sort();
            perArea[slot].Add(new CohortMember
            {
                Child = c,
                IndexOutcome = indexOutcome,
                IndexDay = indexDay,
                Age = age,
                FollowUpEnd = followUpEnd,
                ProvenBy = provenBy,
                Reoffences = [.. counted],
                FirstReoffenceDay = firstReoffence,
            });
        }
    }

    /// <summary>The index offence: the most serious (highest gravity, then lowest id) offence of the index outcome, or -1.</summary>
    internal static int IndexOffence(DatasetIndex index, CohortMember member)
    {
        var best = -1;
        foreach (var f in index.OffencesOf(member.IndexOutcome))
        {
            if (best < 0 || index.OffenceGravity[f] > index.OffenceGravity[best])
            {
                best = f;
            }
        }
        return best;
    }

    /// <summary>The breakdown key of a member in a dimension, or <see langword="null"/> when the dimension does not apply.</summary>
    internal static (int Order, string Label)? Key(DatasetIndex index, CohortMember m, string dimension)
    {
        switch (dimension)
        {
            case "sex":
                return ((int)index.ChildSex[m.Child], index.ChildSex[m.Child].ToString());
            case "ethnicity-group":
                return ((int)index.ChildEthnicity[m.Child], index.ChildEthnicity[m.Child].ToString());
            case "age":
                return (m.Age, m.Age.ToString(System.Globalization.CultureInfo.InvariantCulture));
            case "age-band":
                var band = AgeBand(m.Age);
                return band < 0 ? null : (band, band == 0 ? "10-14" : "15-17");
            case "outcome-type":
                var t = index.OutcomeType[m.IndexOutcome];
                var type = index.Types[t];
                return (((type.Category is OutcomeCategory.Remand or OutcomeCategory.Breach ? 1 : 0) * 1_000_000) + (type.LadderRank * 1000) + t, type.Code);
            case "outcome-category":
                var category = index.Types[index.OutcomeType[m.IndexOutcome]].Category;
                return ((int)category, category.ToString());
            case "offence-group":
                var f = IndexOffence(index, m);
                return f < 0 ? (int.MaxValue, "NotRecorded") : ((int)index.OffenceGroups[f], index.OffenceGroups[f].ToString());
            default:
                return null;
        }
    }

    private static int AgeBand(int age) => age is >= 10 and <= 14 ? 0 : age is >= 15 and <= 17 ? 1 : -1;
}
