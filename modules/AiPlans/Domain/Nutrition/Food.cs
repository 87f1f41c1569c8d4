namespace Derrimut.AiPlans.Domain.Nutrition;

/// <summary>What a food contains or is, for dietary restrictions and allergens.</summary>
internal enum FoodTag
{
    RedMeat,
    Pork,
    Poultry,
    Fish,
    Shellfish,
    Egg,
    Dairy,
    Gluten,
    TreeNut,
    Peanut,
    Soy,
    Sesame,
    Lupin,
    Alcohol,
    Gelatin,
    Honey,
}

/// <summary>How the meal planner scales a food: protein foods and carbohydrate foods are scaled to hit the
/// protein and energy targets, fats are tuned for the fat share, sides (vegetables, milk) mostly stay put.</summary>
internal enum FoodRole
{
    Protein,
    Carb,
    Fat,
    Side,
}

internal enum PortionUnit
{
    Gram,
    Millilitre,
    Piece,
}

/// <summary>A food with nutrients per 100 g (or 100 ml); pieces (eggs, slices) weigh <see cref="GramsPerPiece"/>.</summary>
/// <param name="BaseAmount">A typical serving in the food's unit (grams, millilitres or pieces).</param>
/// <param name="Step">The rounding step for portions in the food's unit.</param>
internal sealed record Food(
    string Id,
    string Name,
    FoodRole Role,
    IReadOnlySet<FoodTag> Tags,
    decimal KcalPer100,
    decimal ProteinPer100,
    decimal CarbsPer100,
    decimal FatPer100,
    PortionUnit Unit,
    decimal BaseAmount,
    decimal Step,
    decimal GramsPerPiece = 0m,
    string PieceName = "",
    string PiecesName = "")
{
    public decimal Grams(decimal amount) => Unit == PortionUnit.Piece ? amount * GramsPerPiece : amount;

    public decimal Kcal(decimal amount) => Grams(amount) * KcalPer100 / 100m;

    public decimal Protein(decimal amount) => Grams(amount) * ProteinPer100 / 100m;

    public decimal Carbs(decimal amount) => Grams(amount) * CarbsPer100 / 100m;

    public decimal Fat(decimal amount) => Grams(amount) * FatPer100 / 100m;

    public string Portion(decimal amount) => Unit switch
    {
        PortionUnit.Gram => $"{amount.ToString("0", CultureInfo.InvariantCulture)} g",
        PortionUnit.Millilitre => $"{amount.ToString("0", CultureInfo.InvariantCulture)} ml",
        PortionUnit.Piece => $"{amount.ToString("0", CultureInfo.InvariantCulture)} {(amount == 1m ? PieceName : PiecesName)} "
            + $"({Grams(amount).ToString("0", CultureInfo.InvariantCulture)} g)",
        _ => throw new InvalidOperationException($"Unknown unit {Unit}."),
    };
}
