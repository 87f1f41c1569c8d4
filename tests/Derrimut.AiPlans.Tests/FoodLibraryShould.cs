using Derrimut.AiPlans.Domain.Nutrition;

namespace Derrimut.AiPlans.Tests;

public sealed class FoodLibraryShould
{
    [Fact]
    public void NameEveryFoodSoItsNameImpliesNoTagItDoesNotDeclare()
    {
        var mismatches = FoodLibrary.All
            .Select(food => (food.Name, Extra: FoodKeywords.Infer(food.Name).Except(food.Tags).ToList()))
            .Where(item => item.Extra.Count > 0)
            .Select(item => $"{item.Name}: {string.Join(", ", item.Extra)}");

        mismatches.ShouldBeEmpty();
    }

    [Fact]
    public void CarryEnergyConsistentWithItsMacronutrients()
    {
        // Atwater factors (4/4/9) within 15%: fibre and rounding explain the rest; more would mean a typo.
        var inconsistent = FoodLibrary.All
            .Where(food => Math.Abs((food.ProteinPer100 * 4m) + (food.CarbsPer100 * 4m) + (food.FatPer100 * 9m) - food.KcalPer100) > 0.15m * food.KcalPer100)
            .Select(food => food.Name);

        inconsistent.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Grilled chicken thigh", "Vegetarian", "", "Poultry")]
    [InlineData("Bacon and eggs", "Halal", "", "Pork")]
    [InlineData("Ham sandwich", "Halal", "", "Pork")]
    [InlineData("Peanut butter on toast", "", "Peanuts", "Peanut")]
    [InlineData("Satay tofu", "", "Peanuts", "Peanut")]
    [InlineData("Almond milk", "", "Nuts", "TreeNut")]
    [InlineData("Mixed nuts", "", "Peanuts", "Peanut")]
    [InlineData("Garlic prawns", "", "Shellfish", "Shellfish")]
    [InlineData("Cheddar cheese", "Vegan", "", "Dairy")]
    [InlineData("Honey yoghurt", "Vegan", "", "Dairy")]
    [InlineData("Sourdough bread", "GlutenFree", "", "Gluten")]
    [InlineData("Tahini dressing", "", "Sesame", "Sesame")]
    [InlineData("Beef burger", "Pescatarian", "", "RedMeat")]
    public void FlagFoodsThatBreakARestrictionOrAllergyByName(string name, string restriction, string allergen, string tag)
    {
        var request = PlanRequestBuilder.Valid() with
        {
            DietaryRestrictions = restriction.Length == 0 ? [] : [Enum.Parse<DietaryRestriction>(restriction)],
            Allergies = allergen.Length == 0 ? [] : [Enum.Parse<Allergen>(allergen)],
        };

        var conflict = DietaryRules.FirstConflict(FoodKeywords.Infer(name), request);

        conflict.ShouldNotBeNull().Tag.ShouldBe(Enum.Parse<FoodTag>(tag));
    }

    [Theory]
    [InlineData("Soy milk", "DairyFree")]
    [InlineData("Eggplant curry", "Vegan")]
    [InlineData("Coconut yoghurt", "Vegan")]
    [InlineData("Butternut pumpkin soup", "Vegan")]
    [InlineData("Lentil burger", "Vegetarian")]
    [InlineData("Gluten-free bread", "GlutenFree")]
    [InlineData("Rice noodles", "GlutenFree")]
    public void LeaveLookAlikeSafeFoodsUnflagged(string name, string restriction) =>
        DietaryRules.FirstConflict(FoodKeywords.Infer(name), PlanRequestBuilder.Valid() with { DietaryRestrictions = [Enum.Parse<DietaryRestriction>(restriction)] })
            .ShouldBeNull();

    [Fact]
    public void TreatANutAllergyAsExcludingPeanuts() =>
        DietaryRules.IsAllowed(FoodLibrary.PeanutButter, PlanRequestBuilder.Valid() with { Allergies = [Allergen.Nuts] }).ShouldBeFalse();

    [Fact]
    public void LeaveTreeNutsAllowedForAPeanutOnlyAllergy() =>
        DietaryRules.IsAllowed(FoodLibrary.Almonds, PlanRequestBuilder.Valid() with { Allergies = [Allergen.Peanuts] }).ShouldBeTrue();
}
