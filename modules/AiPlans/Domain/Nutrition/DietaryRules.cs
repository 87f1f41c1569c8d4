using Derrimut.AiPlans.Domain.Input;
using static Derrimut.AiPlans.Domain.Nutrition.FoodTag;

namespace Derrimut.AiPlans.Domain.Nutrition;

/// <summary>Why a food is not allowed: the member's restriction or allergy and the tag that breaks it.</summary>
internal sealed record DietaryConflict(FoodTag Tag, string Rule)
{
    public string Describe() => $"contains {DietaryRules.Describe(Tag)}, which {Rule} excludes";
}

/// <summary>Which food tags each dietary restriction and allergy rules out.</summary>
internal static class DietaryRules
{
    private static readonly Dictionary<DietaryRestriction, IReadOnlySet<FoodTag>> ByRestriction =
        Enum.GetValues<DietaryRestriction>().ToDictionary(restriction => restriction, ExcludedBy);

    private static readonly Dictionary<Allergen, IReadOnlySet<FoodTag>> ByAllergen =
        Enum.GetValues<Allergen>().ToDictionary(allergen => allergen, ExcludedBy);

    public static IReadOnlySet<FoodTag> Excluded(DietaryRestriction restriction) =>
        ByRestriction.TryGetValue(restriction, out var tags) ? tags : ExcludedBy(restriction);

    public static IReadOnlySet<FoodTag> Excluded(Allergen allergen) =>
        ByAllergen.TryGetValue(allergen, out var tags) ? tags : ExcludedBy(allergen);

    private static IReadOnlySet<FoodTag> ExcludedBy(DietaryRestriction restriction) => restriction switch
    {
        // Lacto-ovo vegetarian: no flesh of any animal, nor gelatin (rendered from bones and skin).
        DietaryRestriction.Vegetarian => new HashSet<FoodTag> { RedMeat, Pork, Poultry, Fish, Shellfish, Gelatin },
        DietaryRestriction.Vegan => new HashSet<FoodTag> { RedMeat, Pork, Poultry, Fish, Shellfish, Gelatin, Egg, Dairy, Honey },
        DietaryRestriction.Pescatarian => new HashSet<FoodTag> { RedMeat, Pork, Poultry, Gelatin },

        // Halal: no pork or pork products, no alcohol, no gelatin of unknown origin. Meat itself must be
        // halal-slaughtered: the planner names meat "halal" and the diet notes say to buy certified meat.
        DietaryRestriction.Halal => new HashSet<FoodTag> { Pork, Alcohol, Gelatin },
        DietaryRestriction.GlutenFree => new HashSet<FoodTag> { Gluten },
        DietaryRestriction.DairyFree => new HashSet<FoodTag> { Dairy },
        _ => throw new ArgumentOutOfRangeException(nameof(restriction), restriction, "Unknown restriction."),
    };

    private static IReadOnlySet<FoodTag> ExcludedBy(Allergen allergen) => allergen switch
    {
        // "Nuts" also rules out peanuts: a member who answers "nuts" by voice rarely distinguishes tree nuts
        // from peanuts, and cross-contact is common. A peanut-only allergy leaves tree nuts allowed.
        Allergen.Nuts => new HashSet<FoodTag> { TreeNut, Peanut },
        Allergen.Peanuts => new HashSet<FoodTag> { Peanut },
        Allergen.Shellfish => new HashSet<FoodTag> { Shellfish },
        Allergen.Fish => new HashSet<FoodTag> { Fish },
        Allergen.Eggs => new HashSet<FoodTag> { Egg },
        Allergen.Soy => new HashSet<FoodTag> { Soy },
        Allergen.Gluten => new HashSet<FoodTag> { Gluten },
        Allergen.Dairy => new HashSet<FoodTag> { Dairy },
        Allergen.Sesame => new HashSet<FoodTag> { Sesame },
        Allergen.Lupin => new HashSet<FoodTag> { Lupin },
        _ => throw new ArgumentOutOfRangeException(nameof(allergen), allergen, "Unknown allergen."),
    };

    /// <summary>The first conflict between a food's tags and the member's restrictions and allergies, if any.
    /// Allergies are checked first: they are the more dangerous breach.</summary>
    public static DietaryConflict? FirstConflict(IReadOnlySet<FoodTag> tags, PlanRequest request)
    {
        // Lowest allergen (then tag) first, so the reported conflict does not depend on answer order.
        (Allergen Allergen, FoodTag Tag)? allergy = null;
        foreach (var allergen in request.Allergies)
        {
            foreach (var tag in tags)
            {
                if (Excluded(allergen).Contains(tag)
                    && (allergy is null || allergen < allergy.Value.Allergen || (allergen == allergy.Value.Allergen && tag < allergy.Value.Tag)))
                {
                    allergy = (allergen, tag);
                }
            }
        }

        if (allergy is { } found)
        {
            return new DietaryConflict(found.Tag, $"the member's {Describe(found.Allergen)} allergy");
        }

        (DietaryRestriction Restriction, FoodTag Tag)? restricted = null;
        foreach (var restriction in request.DietaryRestrictions)
        {
            foreach (var tag in tags)
            {
                if (Excluded(restriction).Contains(tag)
                    && (restricted is null || restriction < restricted.Value.Restriction || (restriction == restricted.Value.Restriction && tag < restricted.Value.Tag)))
                {
                    restricted = (restriction, tag);
                }
            }
        }

        return restricted is { } breach ? new DietaryConflict(breach.Tag, $"a {Describe(breach.Restriction)} diet") : null;
    }

    public static bool IsAllowed(Food food, PlanRequest request) => FirstConflict(food.Tags, request) is null;

    public static string Describe(FoodTag tag) => tag switch
    {
        RedMeat => "red meat",
        Pork => "pork",
        Poultry => "poultry",
        Fish => "fish",
        Shellfish => "shellfish",
        Egg => "egg",
        Dairy => "dairy",
        Gluten => "gluten",
        TreeNut => "tree nuts",
        Peanut => "peanut",
        Soy => "soy",
        Sesame => "sesame",
        Lupin => "lupin",
        Alcohol => "alcohol",
        Gelatin => "gelatin",
        Honey => "honey",
        _ => tag.ToString(),
    };

    public static string Describe(DietaryRestriction restriction) => restriction switch
    {
        DietaryRestriction.Vegetarian => "vegetarian",
        DietaryRestriction.Vegan => "vegan",
        DietaryRestriction.Pescatarian => "pescatarian",
        DietaryRestriction.Halal => "halal",
        DietaryRestriction.GlutenFree => "gluten-free",
        DietaryRestriction.DairyFree => "dairy-free",
        _ => restriction.ToString(),
    };

    public static string Describe(Allergen allergen) => allergen switch
    {
        Allergen.Nuts => "nut",
        Allergen.Peanuts => "peanut",
        Allergen.Shellfish => "shellfish",
        Allergen.Fish => "fish",
        Allergen.Eggs => "egg",
        Allergen.Soy => "soy",
        Allergen.Gluten => "gluten",
        Allergen.Dairy => "dairy",
        Allergen.Sesame => "sesame",
        Allergen.Lupin => "lupin",
        _ => allergen.ToString(),
    };
}
