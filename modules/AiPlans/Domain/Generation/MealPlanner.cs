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

    // Scale bounds, widened pass by pass only when a normal menu cannot reach the targets (very small or very
    // large energy targets). Fat scales are tried in this order; the side (vegetable) scale rarely moves.
    private sealed record Bounds(decimal MinProtein, decimal MaxProtein, decimal MinCarb, decimal MaxCarb, decimal[] FatScales, decimal[] SideScales);

    private static readonly Bounds[] Passes =
    [
        new(0.5m, 3m, 0.3m, 4m, [1m, 0.75m, 1.25m, 0.5m, 1.5m, 2m, 2.5m, 3m], [1m]),
        new(0.3m, 4.5m, 0.15m, 6m, [1m, 0.5m, 1.5m, 0.25m, 2m, 3m, 4m], [1m, 0.5m]),
        new(0.15m, 8m, 0.05m, 10m, [1m, 0.5m, 0.25m, 0m, 2m, 4m, 6m], [1m, 0.5m, 0.25m]),
    ];

    private sealed class Portion(Food food, decimal amount, int meal)
    {
        public Food Food { get; } = food;

        public decimal Amount { get; set; } = amount;

        public int Meal { get; } = meal;

        public int Kcal => KcalOf(Amount);

        public decimal Protein => ProteinOf(Amount);

        public int KcalOf(decimal amount) => (int)Math.Round(Food.Kcal(amount), 0, MidpointRounding.AwayFromZero);

        public decimal ProteinOf(decimal amount) => Math.Round(Food.Protein(amount), 1, MidpointRounding.AwayFromZero);

        public decimal MinAmount => Food.Step;
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
        var light = LightSnacks.First(template => IsApplicable(template, request));

        for (var index = 0; index < slots.Count; index++)
        {
            switch (slots[index].Slot)
            {
                case Slot.ProteinSnack:
                    shakeSnack[index] = Use(ProteinShake, index);
                    proteinBreakfast[index] = Use(ProteinShake, index);
                    allShakes[index] = Use(ProteinShake, index);
                    lightSnacks[index] = Use(light, index);
                    break;
                case Slot.Snack:
                    allShakes[index] = Use(ProteinShake, index);
                    lightSnacks[index] = Use(light, index);
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

    /// <summary>Solves the protein and carbohydrate scales for each allowed fat/side scale; null when no
    /// combination stays within the bounds.</summary>
    private static List<Portion>? Solve(List<List<Food>> menu, decimal targetKcal, decimal targetProtein, Bounds bounds)
    {
        var foods = menu.SelectMany((meal, index) => meal.Select(food => (Food: food, Meal: index))).ToList();
        decimal Sum(FoodRole role, Func<Food, decimal, decimal> measure) =>
            foods.Where(item => item.Food.Role == role).Sum(item => measure(item.Food, item.Food.BaseAmount));

        var proteinKcal = Sum(FoodRole.Protein, (food, amount) => food.Kcal(amount));
        var proteinProtein = Sum(FoodRole.Protein, (food, amount) => food.Protein(amount));
        var carbKcal = Sum(FoodRole.Carb, (food, amount) => food.Kcal(amount));
        var carbProtein = Sum(FoodRole.Carb, (food, amount) => food.Protein(amount));
        var fatKcal = Sum(FoodRole.Fat, (food, amount) => food.Kcal(amount));
        var fatProtein = Sum(FoodRole.Fat, (food, amount) => food.Protein(amount));
        var sideKcal = Sum(FoodRole.Side, (food, amount) => food.Kcal(amount));
        var sideProtein = Sum(FoodRole.Side, (food, amount) => food.Protein(amount));

        var determinant = (proteinKcal * carbProtein) - (carbKcal * proteinProtein);
        if (Math.Abs(determinant) < 0.0001m)
        {
            return null;
        }

        (decimal Protein, decimal Carb, decimal Fat, decimal Side, decimal FatGap)? best = null;
        foreach (var side in bounds.SideScales)
        {
            foreach (var fat in bounds.FatScales)
            {
                var kcalLeft = targetKcal - (fat * fatKcal) - (side * sideKcal);
                var proteinLeft = targetProtein - (fat * fatProtein) - (side * sideProtein);
                var proteinScale = ((kcalLeft * carbProtein) - (carbKcal * proteinLeft)) / determinant;
                var carbScale = ((proteinKcal * proteinLeft) - (kcalLeft * proteinProtein)) / determinant;
                if (proteinScale < bounds.MinProtein || proteinScale > bounds.MaxProtein
                    || carbScale < bounds.MinCarb || carbScale > bounds.MaxCarb)
                {
                    continue;
                }

                var fatGrams = foods.Sum(item => item.Food.Fat(item.Food.BaseAmount) * item.Food.Role switch
                {
                    FoodRole.Protein => proteinScale,
                    FoodRole.Carb => carbScale,
                    FoodRole.Fat => fat,
                    _ => side,
                });
                var fatGap = Math.Abs((fatGrams * 9m / targetKcal) - MacroTargets.FatEnergyShare);
                if (best is null || fatGap < best.Value.FatGap - 0.0001m)
                {
                    best = (proteinScale, carbScale, fat, side, fatGap);
                }
            }
        }

        if (best is not { } scales)
        {
            return null;
        }

        return
        [
            .. foods
                .Select(item => new Portion(item.Food, item.Food.BaseAmount * item.Food.Role switch
                {
                    FoodRole.Protein => scales.Protein,
                    FoodRole.Carb => scales.Carb,
                    FoodRole.Fat => scales.Fat,
                    _ => scales.Side,
                }, item.Meal))
                .Where(portion => portion.Amount > 0m),
        ];
    }

    private static List<Portion> Uniform(List<List<Food>> menu, decimal targetKcal)
    {
        var portions = menu.SelectMany((meal, index) => meal.Select(food => new Portion(food, food.BaseAmount, index))).ToList();
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
            portion.Amount = Math.Max(portion.MinAmount, Math.Round(portion.Amount / step, 0, MidpointRounding.AwayFromZero) * step);
        }
    }

    /// <summary>Moves one portion by one step at a time, whichever move brings energy and protein closest to
    /// target, until no move helps. Works on the rounded per-food figures the plan will show.</summary>
    private static void Nudge(List<Portion> portions, decimal targetKcal, decimal targetProtein)
    {
        decimal Score(decimal kcal, decimal protein)
        {
            var kcalError = (kcal - targetKcal) / (0.015m * targetKcal);
            var proteinError = (protein - targetProtein) / (0.05m * targetProtein);
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
                    if (amount < portion.MinAmount)
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
