using Derrimut.AiPlans.Domain.Input;

namespace Derrimut.AiPlans.Domain.Generation;

/// <summary>
/// A seed derived only from the request's content (FNV-1a over a canonical text form), so the same answers
/// always give the same plan — across processes and machines, unlike <see cref="string.GetHashCode()"/>.
/// It only rotates between equally good choices (which breakfast, which squat variant this week).
/// </summary>
internal static class StableSeed
{
    public static uint For(PlanRequest request)
    {
        var canonical = string.Join(
            '|',
            request.Age.ToString(CultureInfo.InvariantCulture),
            request.Sex,
            request.HeightCm.ToString("0.###", CultureInfo.InvariantCulture),
            request.WeightKg.ToString("0.###", CultureInfo.InvariantCulture),
            string.Join(',', request.DistinctInjuries),
            TrainingWeek.DayCount(request).ToString(CultureInfo.InvariantCulture),
            string.Join(',', TrainingWeek.DaysFor(request)),
            request.Goal,
            request.Level,
            request.ActivityLevel,
            string.Join(',', request.DistinctRestrictions),
            string.Join(',', request.DistinctAllergies));
        return Fnv1a(canonical);
    }

    public static uint Fnv1a(string text)
    {
        const uint offsetBasis = 2166136261;
        const uint prime = 16777619;
        var hash = offsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * prime);
        }

        return hash;
    }

    /// <summary>A small, well-mixed number for choice number <paramref name="salt"/> from the seed.</summary>
    public static int Pick(uint seed, int salt, int count) =>
        count <= 0 ? 0 : (int)(Fnv1a($"{seed}:{salt}") % (uint)count);
}
