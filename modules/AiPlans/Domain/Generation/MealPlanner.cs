using Derrimut.AiPlans.Domain.Input;
using Derrimut.AiPlans.Domain.Nutrition;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Domain.Targets;
using static Derrimut.AiPlans.Domain.Nutrition.FoodLibrary;

namespace Derrimut.AiPlans.Domain.Generation;

/// <summary>
/// Builds a one-day meal plan from meal templates whose foods respect the member's restrictions and allergies,
/// then scales portions so the day lands within ±3% of the energy target and ±10% of the protein target.
/// </summary>
/// <remarks>
/// Scaling: protein foods share one scale factor and carbohydrate foods another; for each candidate fat scale the
/// two factors are solved exactly (two linear equations: energy and protein), and the solution whose fat share is
/// nearest 30% of energy wins. Portions are then rounded to kitchen steps (5 g, whole eggs) and nudged one step
/// at a time until the rounded totals are back on target.
/// </remarks>
internal static class MealPlanner
{
    public const decimal CalorieTolerance = 0.03m;
    public const decimal ProteinTolerance = 0.10m;

    private enum Slot
    {
        Breakfast,
        Lunch,
        Dinner,
        ProteinSnack,
        Snack,
    }

    private sealed record Component(bool Required, Food[] Options);

    private sealed record Template(string Key, Component[] Components);

    private static readonly Template[] Breakfasts =
    [
        new("eggs-on-toast", [Req(Eggs), Req(WholemealBread, CornTortillas, SweetPotato), Opt(BabySpinach), Opt(Avocado, OliveOil)]),
        new("yoghurt-bowl", [Req(GreekYoghurt), Req(RolledOats, Banana), Opt(MixedBerries), Opt(ChiaSeeds, PumpkinSeeds)]),
        new("tofu-scramble", [Req(FirmTofu), Req(WholemealBread, CornTortillas, SweetPotato), Opt(BabySpinach), Opt(OliveOil)]),
        new("protein-porridge", [Req(WheyProtein, PeaProtein), Req(RolledOats, Quinoa), Opt(Milk, SoyMilk), Opt(Banana), Opt(ChiaSeeds, HempSeeds, Almonds)]),
        new("smoothie", [Req(PeaProtein, WheyProtein), Req(Banana), Opt(MixedBerries), Opt(SoyMilk, Milk), Opt(ChiaSeeds, HempSeeds)]),
    ];

    private static readonly Template[] Lunches =
    [
        new("chicken-rice-bowl", [Req(ChickenBreast, TurkeyBreast), Req(BrownRice, Quinoa), Opt(MixedSalad), Opt(Avocado, OliveOil)]),
        new("fish-and-potato-salad", [Req(Tuna, Salmon), Req(SweetPotato, Potatoes, BrownRice), Opt(MixedSalad), Opt(OliveOil)]),
        new("lentil-bowl", [Req(Lentils, Chickpeas, BlackBeans), Req(Quinoa, BrownRice), Opt(BabySpinach), Opt(PumpkinSeeds, OliveOil)]),
        new("tempeh-bowl", [Req(Tempeh, FirmTofu, Seitan), Req(BrownRice, Quinoa), Opt(StirFryVegetables), Opt(OliveOil)]),
        new("meat-wraps", [Req(LeanBeef, LambLeg, ChickenBreast), Req(WholemealWrap, CornTortillas), Opt(MixedSalad), Opt(Avocado)]),
    ];

    private static readonly Template[] Dinners =
    [
        new("fish-and-potatoes", [Req(Salmon, Barramundi), Req(Potatoes, SweetPotato), Opt(Broccoli), Opt(OliveOil)]),
        new("beef-stir-fry", [Req(LeanBeef, LambLeg), Req(BasmatiRice, Potatoes), Opt(StirFryVegetables), Opt(OliveOil)]),
        new("chicken-pasta", [Req(ChickenBreast, TurkeyBreast), Req(WholemealPasta, Quinoa, BasmatiRice), Opt(Broccoli), Opt(OliveOil)]),
        new("prawn-rice", [Req(Prawns, Barramundi), Req(BasmatiRice), Opt(StirFryVegetables), Opt(OliveOil)]),
        new("tofu-stir-fry", [Req(FirmTofu, Tempeh, Seitan), Req(BasmatiRice, Quinoa), Opt(StirFryVegetables), Opt(OliveOil)]),
        new("chickpea-curry", [Req(Chickpeas, Lentils, BlackBeans), Req(BasmatiRice, Quinoa), Opt(BabySpinach), Opt(OliveOil)]),
    ];

    private static readonly Template ProteinShake = new("protein-shake", [Req(WheyProtein, PeaProtein), Req(Banana)]);

    private static readonly Template[] ProteinSnacks =
    [
        new("yoghurt-and-berries", [Req(GreekYoghurt), Opt(MixedBerries)]),
        ProteinShake,
        new("cottage-cheese-rice-cakes", [Req(CottageCheese), Req(RiceCakes)]),
        new("edamame-and-apple", [Req(Edamame), Opt(Apple)]),
        new("boiled-eggs", [Req(Eggs), Req(RiceCakes)]),
    ];

    private static readonly Template[] LightSnacks =
    [
        new("apple-and-nuts-or-seeds", [Req(Apple), Req(Almonds, PeanutButter, PumpkinSeeds)]),
        new("hummus-and-carrots", [Req(Hummus), Req(CarrotSticks), Opt(RiceCakes)]),
        new("banana-and-spread", [Req(Banana), Req(PeanutButter, Almonds, HempSeeds)]),
    ];

    private static readonly Template[] Snacks = [.. ProteinSnacks, .. LightSnacks];

    // How far a portion may stray from the food's usual serving, widened pass by pass only when no menu can reach
    // the targets otherwise (very small or very large energy targets from extreme bodies).
    private sealed record Bounds(decimal Min, decimal Max);

    private static readonly Bounds[] Passes = [new(0.35m, 3.5m), new(0.25m, 5m), new(0.1m, 10m), new(0.02m, 40m)];

    private sealed class Portion(Food food, decimal amount, int meal, Bounds bounds)
    {
        public Food Food { get; } = food;

        public decimal Amount { get; set; } = amount;

        public int Meal { get; } = meal;

        public int Kcal => KcalOf(Amount);

        public decimal Protein => ProteinOf(Amount);

        public int KcalOf(decimal amount) => (int)Math.Round(Food.Kcal(amount), 0, MidpointRounding.AwayFromZero);

        public decimal ProteinOf(decimal amount) => Math.Round(Food.Protein(amount), 1, MidpointRounding.AwayFromZero);

        public decimal MinAmount => Food.Step;

        /// <summary>The amount the scale solve chose, before rounding; step-wise nudging stays near it.</summary>
        public decimal Solved { get; set; } = amount;

        /// <summary>The smallest kitchen-step amount inside the bounds.</summary>
        public decimal Lowest => Math.Max(MinAmount, Math.Ceiling(bounds.Min * Food.BaseAmount / Food.Step) * Food.Step);

        /// <summary>The largest kitchen-step amount inside the bounds.</summary>
        public decimal Highest => Math.Max(Lowest, Math.Floor(bounds.Max * Food.BaseAmount / Food.Step) * Food.Step);

        public bool CanMoveTo(decimal amount) =>
            amount >= Lowest && amount <= Highest && Math.Abs(amount - Solved) <= Math.Max(2m * Food.Step, 0.25m * Solved);
    }

    public static DietPlan Build(PlanRequest request, Energy energy, MacroTargets macros, uint seed)
    {
        var targetKcal = (decimal)energy.TargetCalories;
        var targetProtein = (decimal)macros.ProteinG;
        var snackCount = targetKcal < 1600 ? 1 : targetKcal < 2600 ? 2 : 3;
        var slots = MealSlots(snackCount);

        var preferred = slots.Select((slot, index) => Resolve(slot.Slot, index, request, seed)).ToList();
        var menus = AlternativeMenus(preferred, slots, request, seed);

        List<Portion>? portions = null;
        foreach (var bounds in Passes)
        {
            foreach (var menu in menus)
            {
                portions = Solve(menu, targetKcal, targetProtein, bounds);
                if (portions is not null)
                {
                    break;
                }
            }

            if (portions is not null)
            {
                break;
            }
        }

        // Last resort for targets beyond every pass: scale the whole preferred menu uniformly to the energy target
        // and let the step search below correct protein as far as portions allow.
        portions ??= Uniform(preferred, targetKcal);
        RoundToSteps(portions);
        Nudge(portions, targetKcal, targetProtein);

        var meals = slots
            .Select((slot, index) => new Meal(
                slot.Name,
                [.. portions.Where(portion => portion.Meal == index).Select(portion => ToMealFood(portion, request))]))
            .ToList();
        var proteinTotal = portions.Sum(portion => portion.Protein);
        var carbs = portions.Sum(portion => portion.Food.Carbs(portion.Amount));
        var fat = portions.Sum(portion => portion.Food.Fat(portion.Amount));

        return new DietPlan(
            energy.TargetCalories,
            new Macros(RoundInt(proteinTotal), RoundInt(carbs), RoundInt(fat)),
            meals,
            Notes(request, energy, macros));
    }

    private static List<(string Name, Slot Slot)> MealSlots(int snackCount)
    {
        var slots = new List<(string, Slot)> { ("Breakfast", Slot.Breakfast) };
        if (snackCount >= 2)
        {
            slots.Add(("Morning snack", Slot.Snack));
        }

        slots.Add(("Lunch", Slot.Lunch));
        slots.Add(("Afternoon snack", Slot.ProteinSnack));
        slots.Add(("Dinner", Slot.Dinner));
        if (snackCount >= 3)
        {
            slots.Add(("Evening snack", Slot.Snack));
        }

        return slots;
    }

    private static Template[] TemplatesFor(Slot slot) => slot switch
    {
        Slot.Breakfast => Breakfasts,
        Slot.Lunch => Lunches,
        Slot.Dinner => Dinners,
        Slot.ProteinSnack => ProteinSnacks,
        Slot.Snack => Snacks,
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "Unknown meal slot."),
    };

    /// <summary>The foods of one meal: the seed picks among templates whose required parts the member can eat.</summary>
    private static List<Food> Resolve(Slot slot, int mealIndex, PlanRequest request, uint seed)
    {
        var applicable = TemplatesFor(slot).Where(template => IsApplicable(template, request)).ToList();
        if (applicable.Count == 0)
        {
            throw new InvalidOperationException($"No meal template fits the member's diet for {slot}.");
        }

        var template = applicable[StableSeed.Pick(seed, 100 + mealIndex, applicable.Count)];
        return Foods(template, request, seed, mealIndex);
    }

    private static List<Food> Foods(Template template, PlanRequest request, uint seed, int mealIndex)
    {
        var foods = new List<Food>();
        for (var index = 0; index < template.Components.Length; index++)
        {
            var allowed = template.Components[index].Options.Where(food => DietaryRules.IsAllowed(food, request)).ToList();
            if (allowed.Count > 0)
            {
                foods.Add(allowed[StableSeed.Pick(seed, (1000 * (mealIndex + 1)) + index, allowed.Count)]);
            }
        }

        return foods;
    }

    private static bool IsApplicable(Template template, PlanRequest request) =>
        template.Components.All(component =>
            !component.Required || component.Options.Any(food => DietaryRules.IsAllowed(food, request)));

    /// <summary>The preferred menu first, then menus with more protein (a shake, a protein breakfast) and with
    /// less (light snacks), for targets the preferred menu cannot reach.</summary>
    private static List<List<List<Food>>> AlternativeMenus(List<List<Food>> preferred, List<(string Name, Slot Slot)> slots, PlanRequest request, uint seed)
    {
        List<Food> Use(Template template, int mealIndex) => Foods(template, request, seed, mealIndex);

        var shakeSnack = Copy(preferred);
        var proteinBreakfast = Copy(preferred);
        var allShakes = Copy(preferred);
        var lightSnacks = Copy(preferred);
        var smoothie = Breakfasts.Single(template => template.Key == "smoothie");
        var lights = LightSnacks.Where(template => IsApplicable(template, request)).ToList();

        for (var index = 0; index < slots.Count; index++)
        {
            switch (slots[index].Slot)
            {
                case Slot.ProteinSnack:
                    shakeSnack[index] = Use(ProteinShake, index);
                    proteinBreakfast[index] = Use(ProteinShake, index);
                    allShakes[index] = Use(ProteinShake, index);
                    lightSnacks[index] = Use(lights[index % lights.Count], index);
                    break;
                case Slot.Snack:
                    allShakes[index] = Use(ProteinShake, index);
                    lightSnacks[index] = Use(lights[index % lights.Count], index);
                    break;
                case Slot.Breakfast:
                    proteinBreakfast[index] = Use(smoothie, index);
                    allShakes[index] = Use(smoothie, index);
                    break;
                default:
                    break;
            }
        }

        return [preferred, shakeSnack, proteinBreakfast, allShakes, lightSnacks];
    }

    private static List<List<Food>> Copy(List<List<Food>> menu) => [.. menu.Select(meal => meal.ToList())];

    /// <summary>
    /// Scales every portion so the day hits the energy and protein targets exactly, staying as close as possible to
    /// one common scale (a bigger target means bigger portions of everything): the least-squares correction
    /// s = u + λ₁·kcal + λ₂·protein, solved for λ, with portions that leave the bounds pinned to them and the rest
    /// re-solved. Protein-dense foods therefore carry the protein correction and energy-dense foods the energy one.
    /// Null when the bounds make the targets unreachable with this menu.
    /// </summary>
    private static List<Portion>? Solve(List<List<Food>> menu, decimal targetKcal, decimal targetProtein, Bounds bounds)
    {
        var foods = menu.SelectMany((meal, index) => meal.Select(food => (Food: food, Meal: index))).ToList();
        var kcal = foods.Select(item => item.Food.Kcal(item.Food.BaseAmount)).ToArray();
        var protein = foods.Select(item => item.Food.Protein(item.Food.BaseAmount)).ToArray();

        // Per-food limits are the kitchen-step amounts inside the bounds, so pinned portions survive rounding.
        var limits = foods.Select(item => new Portion(item.Food, item.Food.BaseAmount, item.Meal, bounds)).ToArray();
        var lowest = limits.Select(portion => portion.Lowest / portion.Food.BaseAmount).ToArray();
        var highest = limits.Select(portion => portion.Highest / portion.Food.BaseAmount).ToArray();
        var uniform = Math.Clamp(targetKcal / kcal.Sum(), bounds.Min, bounds.Max);
        var pinned = new decimal?[foods.Count];

        for (var round = 0; round <= foods.Count; round++)
        {
            var free = Enumerable.Range(0, foods.Count).Where(index => pinned[index] is null).ToList();
            if (free.Count < 2)
            {
                return null;
            }

            var kcalLeft = targetKcal - Enumerable.Range(0, foods.Count).Where(index => pinned[index] is not null).Sum(index => kcal[index] * pinned[index]!.Value);
            var proteinLeft = targetProtein - Enumerable.Range(0, foods.Count).Where(index => pinned[index] is not null).Sum(index => protein[index] * pinned[index]!.Value);
            decimal kk = 0m, kp = 0m, pp = 0m, k = 0m, p = 0m;
            foreach (var index in free)
            {
                kk += kcal[index] * kcal[index];
                kp += kcal[index] * protein[index];
                pp += protein[index] * protein[index];
                k += kcal[index];
                p += protein[index];
            }

            var determinant = (kk * pp) - (kp * kp);
            if (determinant <= 0.000001m * kk * pp)
            {
                return null;
            }

            var kcalGap = kcalLeft - (uniform * k);
            var proteinGap = proteinLeft - (uniform * p);
            var lambdaKcal = ((kcalGap * pp) - (kp * proteinGap)) / determinant;
            var lambdaProtein = ((kk * proteinGap) - (kp * kcalGap)) / determinant;

            var worst = -1;
            var worstExcess = 0m;
            var scales = new decimal[foods.Count];
            foreach (var index in free)
            {
                scales[index] = uniform + (lambdaKcal * kcal[index]) + (lambdaProtein * protein[index]);
                var excess = scales[index] < lowest[index] ? lowest[index] - scales[index] : scales[index] > highest[index] ? scales[index] - highest[index] : 0m;
                if (excess > worstExcess)
                {
                    worst = index;
                    worstExcess = excess;
                }
            }

            if (worst < 0)
            {
                return
                [
                    .. foods.Select((item, index) =>
                        new Portion(item.Food, item.Food.BaseAmount * (pinned[index] ?? scales[index]), item.Meal, bounds)),
                ];
            }

            pinned[worst] = scales[worst] < lowest[worst] ? lowest[worst] : highest[worst];
        }

        return null;
    }

    private static List<Portion> Uniform(List<List<Food>> menu, decimal targetKcal)
    {
        var bounds = Passes[^1];
        var portions = menu.SelectMany((meal, index) => meal.Select(food => new Portion(food, food.BaseAmount, index, bounds))).ToList();
        var total = portions.Sum(portion => portion.Food.Kcal(portion.Amount));
        foreach (var portion in portions)
        {
            portion.Amount *= targetKcal / total;
        }

        return portions;
    }

    private static void RoundToSteps(List<Portion> portions)
    {
        foreach (var portion in portions)
        {
            var step = portion.Food.Step;
            portion.Solved = portion.Amount;
            portion.Amount = Math.Clamp(Math.Round(portion.Amount / step, 0, MidpointRounding.AwayFromZero) * step, portion.Lowest, portion.Highest);
        }
    }

    /// <summary>Moves one portion by one step at a time, whichever move brings energy and protein closest to
    /// target, until no move helps. Works on the rounded per-food figures the plan will show.</summary>
    private static void Nudge(List<Portion> portions, decimal targetKcal, decimal targetProtein)
    {
        decimal Score(decimal kcal, decimal protein)
        {
            // Errors measured in half-tolerances: a score under 0.25 is comfortably inside both targets.
            var kcalError = (kcal - targetKcal) / (0.5m * CalorieTolerance * targetKcal);
            var proteinError = (protein - targetProtein) / (0.5m * ProteinTolerance * targetProtein);
            return (kcalError * kcalError) + (proteinError * proteinError);
        }

        decimal totalKcal = portions.Sum(portion => portion.Kcal);
        var totalProtein = portions.Sum(portion => portion.Protein);
        var current = Score(totalKcal, totalProtein);
        for (var iteration = 0; iteration < 1000 && current > 0.25m; iteration++)
        {
            (Portion Portion, decimal Amount, decimal Kcal, decimal Protein, decimal Score)? best = null;
            foreach (var portion in portions)
            {
                foreach (var direction in (ReadOnlySpan<decimal>)[1m, -1m])
                {
                    var amount = portion.Amount + (direction * portion.Food.Step);
                    if (!portion.CanMoveTo(amount))
                    {
                        continue;
                    }

                    var kcal = totalKcal - portion.Kcal + portion.KcalOf(amount);
                    var protein = totalProtein - portion.Protein + portion.ProteinOf(amount);
                    var score = Score(kcal, protein);
                    if (score < current - 0.000001m && (best is null || score < best.Value.Score))
                    {
                        best = (portion, amount, kcal, protein, score);
                    }
                }
            }

            if (best is not { } move)
            {
                return;
            }

            move.Portion.Amount = move.Amount;
            totalKcal = move.Kcal;
            totalProtein = move.Protein;
            current = move.Score;
        }
    }

    private static MealFood ToMealFood(Portion portion, PlanRequest request)
    {
        var food = portion.Food;
        var isMeat = food.Tags.Contains(FoodTag.RedMeat) || food.Tags.Contains(FoodTag.Poultry);
        var name = isMeat && request.DistinctRestrictions.Contains(DietaryRestriction.Halal)
            ? $"Halal {char.ToLowerInvariant(food.Name[0])}{food.Name[1..]}"
            : food.Name;
        return new MealFood(food.Id, name, food.Portion(portion.Amount), portion.Kcal, portion.Protein);
    }

    private static List<string> Notes(PlanRequest request, Energy energy, MacroTargets macros)
    {
        var notes = new List<string>
        {
            $"Daily calories are your energy target of {energy.TargetCalories} kcal (see the energy working).",
            $"{macros.Method} Spread protein across meals rather than in one sitting.",
            "Weights are as eaten: cooked weights for meat, fish, rice, pasta and legumes; dry weight for oats.",
        };

        if (request.DistinctRestrictions.Count > 0)
        {
            notes.Add($"Every food suits a {string.Join(", ", request.DistinctRestrictions.Select(DietaryRules.Describe))} diet.");
        }

        if (request.DistinctRestrictions.Contains(DietaryRestriction.Halal))
        {
            notes.Add("Buy halal-certified meat and poultry.");
        }

        if (request.DistinctAllergies.Count > 0)
        {
            var allergies = string.Join(", ", request.DistinctAllergies.Select(DietaryRules.Describe));
            notes.Add($"No food in this plan contains your allergens ({allergies}); still check the label of every packaged food for \"may contain\" warnings.");
        }

        if (request.DistinctAllergies.Contains(Allergen.Nuts))
        {
            notes.Add("A nut allergy is treated as excluding peanuts too.");
        }

        return notes;
    }

    private static int RoundInt(decimal value) => (int)Math.Round(value, 0, MidpointRounding.AwayFromZero);

    private static Component Req(params Food[] options) => new(true, options);

    private static Component Opt(params Food[] options) => new(false, options);
}
