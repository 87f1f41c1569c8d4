using static Derrimut.AiPlans.Domain.Nutrition.FoodTag;

namespace Derrimut.AiPlans.Domain.Nutrition;

/// <summary>
/// Foods the rule-based meal planner uses. Nutrients per 100 g (100 ml for liquids) are typical values for the
/// food as eaten (cooked where it is cooked), rounded from FSANZ AUSNUT and USDA FoodData Central entries; they
/// are planning figures, not label claims. Carbohydrate is available carbohydrate (fibre excluded), as on
/// Australian nutrition panels. Tags are conservative: a food that commonly contains an allergen
/// (soy flour in Australian bread) carries that tag.
/// </summary>
internal static class FoodLibrary
{
    private static readonly Dictionary<string, Food> ById = new(StringComparer.Ordinal);

    public static readonly Food ChickenBreast = Grams("chicken-breast", "Chicken breast (grilled)", FoodRole.Protein, [Poultry], 165, 31, 0, 3.6m, 150);
    public static readonly Food TurkeyBreast = Grams("turkey-breast", "Turkey breast (roasted)", FoodRole.Protein, [Poultry], 135, 30, 0, 1.5m, 150);
    public static readonly Food LeanBeef = Grams("lean-beef", "Lean beef strips (cooked)", FoodRole.Protein, [RedMeat], 190, 29, 0, 8, 150);
    public static readonly Food LambLeg = Grams("lamb-leg", "Lean lamb leg steak (grilled)", FoodRole.Protein, [RedMeat], 195, 28, 0, 9, 150);
    public static readonly Food Salmon = Grams("salmon", "Salmon fillet (baked)", FoodRole.Protein, [Fish], 206, 22, 0, 13, 150);
    public static readonly Food Barramundi = Grams("barramundi", "Barramundi fillet (grilled)", FoodRole.Protein, [Fish], 120, 24, 0, 2.5m, 170);
    public static readonly Food Tuna = Grams("tuna", "Tuna in spring water (drained)", FoodRole.Protein, [Fish], 116, 26, 0, 1, 95);
    public static readonly Food Prawns = Grams("prawns", "Prawns (cooked, peeled)", FoodRole.Protein, [Shellfish], 99, 24, 0.2m, 0.3m, 150);
    public static readonly Food Eggs = Add(new("eggs", "Eggs", FoodRole.Protein, Tags(Egg), 143, 12.6m, 0.7m, 9.5m, PortionUnit.Piece, 2, 1, GramsPerPiece: 50, PieceName: "large egg", PiecesName: "large eggs"));
    public static readonly Food GreekYoghurt = Grams("greek-yoghurt", "Greek yoghurt (plain, reduced fat)", FoodRole.Protein, [Dairy], 70, 10, 4, 1.5m, 200);
    public static readonly Food CottageCheese = Grams("cottage-cheese", "Cottage cheese (reduced fat)", FoodRole.Protein, [Dairy], 82, 11, 3.4m, 2.3m, 150);
    public static readonly Food WheyProtein = Grams("whey-protein", "Whey protein isolate", FoodRole.Protein, [Dairy], 370, 85, 4, 1, 30);
    public static readonly Food PeaProtein = Grams("pea-protein", "Pea protein isolate", FoodRole.Protein, [], 375, 80, 2, 6, 30);
    public static readonly Food FirmTofu = Grams("firm-tofu", "Firm tofu", FoodRole.Protein, [Soy], 150, 16, 3, 8.5m, 150);
    public static readonly Food Tempeh = Grams("tempeh", "Tempeh", FoodRole.Protein, [Soy], 195, 20, 7.5m, 10.8m, 120);
    public static readonly Food Seitan = Grams("seitan", "Seitan", FoodRole.Protein, [Gluten], 140, 25, 6, 2, 120);
    public static readonly Food Lentils = Grams("lentils", "Lentils (cooked)", FoodRole.Protein, [], 116, 9, 20, 0.4m, 200);
    public static readonly Food Chickpeas = Grams("chickpeas", "Chickpeas (cooked)", FoodRole.Protein, [], 164, 8.9m, 27.4m, 2.6m, 150);
    public static readonly Food BlackBeans = Grams("black-beans", "Black beans (cooked)", FoodRole.Protein, [], 132, 8.9m, 23.7m, 0.5m, 150);
    public static readonly Food Edamame = Grams("edamame", "Edamame (shelled)", FoodRole.Protein, [Soy], 121, 11.9m, 8.9m, 5.2m, 100);

    public static readonly Food RolledOats = Grams("rolled-oats", "Rolled oats (dry)", FoodRole.Carb, [Gluten], 375, 13, 60, 7, 50);
    public static readonly Food WholemealBread = Add(new("wholemeal-bread", "Wholemeal bread", FoodRole.Carb, Tags(Gluten, Soy), 245, 11, 41, 3.5m, PortionUnit.Piece, 2, 1, GramsPerPiece: 40, PieceName: "slice", PiecesName: "slices"));
    public static readonly Food WholemealWrap = Add(new("wholemeal-wrap", "Wholemeal wrap", FoodRole.Carb, Tags(Gluten, Soy), 290, 9, 48, 6.5m, PortionUnit.Piece, 1, 1, GramsPerPiece: 60, PieceName: "wrap", PiecesName: "wraps"));
    public static readonly Food CornTortillas = Add(new("corn-tortillas", "Corn tortillas", FoodRole.Carb, Tags(), 218, 5.7m, 44.6m, 2.9m, PortionUnit.Piece, 3, 1, GramsPerPiece: 25, PieceName: "tortilla", PiecesName: "tortillas"));
    public static readonly Food BrownRice = Grams("brown-rice", "Brown rice (cooked)", FoodRole.Carb, [], 123, 2.7m, 25.6m, 1, 180);
    public static readonly Food BasmatiRice = Grams("basmati-rice", "Basmati rice (cooked)", FoodRole.Carb, [], 130, 2.7m, 28, 0.3m, 180);
    public static readonly Food Quinoa = Grams("quinoa", "Quinoa (cooked)", FoodRole.Carb, [], 120, 4.4m, 21.3m, 1.9m, 180);
    public static readonly Food WholemealPasta = Grams("wholemeal-pasta", "Wholemeal pasta (cooked)", FoodRole.Carb, [Gluten], 150, 6, 29, 1.5m, 180);
    public static readonly Food SweetPotato = Grams("sweet-potato", "Sweet potato (baked)", FoodRole.Carb, [], 90, 2, 20.7m, 0.2m, 200);
    public static readonly Food Potatoes = Grams("potatoes", "Potatoes (boiled)", FoodRole.Carb, [], 87, 1.9m, 20, 0.1m, 200);
    public static readonly Food RiceCakes = Add(new("rice-cakes", "Rice cakes", FoodRole.Carb, Tags(), 387, 8, 81, 2.8m, PortionUnit.Piece, 3, 1, GramsPerPiece: 9, PieceName: "rice cake", PiecesName: "rice cakes"));
    public static readonly Food Banana = Grams("banana", "Banana", FoodRole.Carb, [], 89, 1.1m, 22.8m, 0.3m, 120);
    public static readonly Food Apple = Grams("apple", "Apple", FoodRole.Carb, [], 52, 0.3m, 13.8m, 0.2m, 150);
    public static readonly Food MixedBerries = Grams("mixed-berries", "Mixed berries", FoodRole.Carb, [], 50, 0.7m, 12, 0.3m, 100);

    public static readonly Food BabySpinach = Grams("baby-spinach", "Baby spinach", FoodRole.Side, [], 23, 2.9m, 1.4m, 0.4m, 60);
    public static readonly Food Broccoli = Grams("broccoli", "Broccoli (steamed)", FoodRole.Side, [], 35, 2.4m, 4.4m, 0.4m, 150);
    public static readonly Food MixedSalad = Grams("mixed-salad", "Mixed salad (leaves, tomato, cucumber)", FoodRole.Side, [], 18, 1, 3.5m, 0.2m, 150);
    public static readonly Food StirFryVegetables = Grams("stir-fry-vegetables", "Stir-fry vegetables", FoodRole.Side, [], 35, 2, 6.5m, 0.3m, 200);
    public static readonly Food CarrotSticks = Grams("carrot-sticks", "Carrot sticks", FoodRole.Side, [], 41, 0.9m, 9.6m, 0.2m, 100);
    public static readonly Food Milk = Add(new("milk", "Reduced-fat milk", FoodRole.Side, Tags(Dairy), 46, 3.6m, 4.8m, 1.4m, PortionUnit.Millilitre, 250, 10));
    public static readonly Food SoyMilk = Add(new("soy-milk", "Soy milk (unsweetened)", FoodRole.Side, Tags(Soy), 38, 3.3m, 1.5m, 2, PortionUnit.Millilitre, 250, 10));

    public static readonly Food OliveOil = Add(new("olive-oil", "Extra virgin olive oil", FoodRole.Fat, Tags(), 824, 0, 0, 92, PortionUnit.Millilitre, 10, 5));
    public static readonly Food Avocado = Grams("avocado", "Avocado", FoodRole.Fat, [], 160, 2, 8.5m, 14.7m, 50);
    public static readonly Food ChiaSeeds = Grams("chia-seeds", "Chia seeds", FoodRole.Fat, [], 486, 17, 42, 31, 15);
    public static readonly Food PumpkinSeeds = Grams("pumpkin-seeds", "Pumpkin seeds (pepitas)", FoodRole.Fat, [], 559, 30, 11, 49, 25);
    public static readonly Food HempSeeds = Grams("hemp-seeds", "Hemp seeds", FoodRole.Fat, [], 553, 31.6m, 8.7m, 48.8m, 20);
    public static readonly Food Almonds = Grams("almonds", "Almonds", FoodRole.Fat, [TreeNut], 579, 21, 22, 50, 25);
    public static readonly Food PeanutButter = Grams("peanut-butter", "Peanut butter", FoodRole.Fat, [Peanut], 588, 25, 20, 50, 20);
    public static readonly Food Hummus = Grams("hummus", "Hummus", FoodRole.Fat, [Sesame], 166, 7.9m, 14.3m, 9.6m, 60);

    public static IReadOnlyCollection<Food> All => ById.Values;

    public static Food? Find(string? id) => id is not null && ById.TryGetValue(id, out var food) ? food : null;

    private static Food Grams(string id, string name, FoodRole role, FoodTag[] tags, decimal kcal, decimal protein, decimal carbs, decimal fat, decimal baseGrams) =>
        Add(new Food(id, name, role, tags.ToHashSet(), kcal, protein, carbs, fat, PortionUnit.Gram, baseGrams, 5));

    private static HashSet<FoodTag> Tags(params FoodTag[] tags) => [.. tags];

    private static Food Add(Food food)
    {
        ById.Add(food.Id, food);
        return food;
    }
}
