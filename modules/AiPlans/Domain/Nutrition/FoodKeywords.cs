using static Derrimut.AiPlans.Domain.Nutrition.FoodTag;

namespace Derrimut.AiPlans.Domain.Nutrition;

/// <summary>
/// Infers food tags from a food's name, for foods an LLM writes as free text. Deliberately broad (a false alarm
/// costs one repair round; a miss could put bacon in a halal plan or peanuts in front of an allergic member).
/// </summary>
internal static class FoodKeywords
{
    private static readonly string[] PlantMilks = ["soy milk", "soya milk", "almond milk", "oat milk", "rice milk", "coconut milk", "pea milk", "cashew milk", "macadamia milk"];
    private static readonly string[] NutButters = ["peanut butter", "almond butter", "nut butter", "cashew butter", "seed butter", "sunflower butter", "cocoa butter", "apple butter"];
    private static readonly string[] GlutenFreeMarkers = ["gluten free", "gf"];

    private static readonly (NameKeyword Keyword, FoodTag[] Tags)[] Rules =
    [
        .. Words([RedMeat], "beef", "steak", "lamb", "mutton", "veal", "venison", "kangaroo", "goat", "mince", "meatball", "rissole", "brisket", "jerky", "sausage", "salami", "pepperoni", "chorizo"),
        (new NameKeyword("burger", "veggie burger", "vegetable burger", "bean burger", "lentil burger", "tofu burger", "plant based burger", "mushroom burger"), [RedMeat]),
        .. Words([Pork, RedMeat], "pork", "bacon", "ham", "prosciutto", "pancetta", "lard", "pig", "gammon", "salami", "pepperoni", "chorizo", "spare rib"),
        .. Words([Poultry], "chicken", "turkey", "duck", "quail", "poultry"),
        .. Words([Fish], "fish", "salmon", "tuna", "barramundi", "cod", "snapper", "sardine", "anchovy", "anchovies", "mackerel", "trout", "basa", "whiting", "hake", "flathead", "bream", "herring", "tilapia", "swordfish", "worcestershire"),
        .. Words([Shellfish], "prawn", "shrimp", "crab", "lobster", "oyster", "mussel", "clam", "scallop", "squid", "calamari", "octopus", "crayfish", "yabby", "yabbies", "seafood", "shellfish"),
        .. Words([Egg], "egg", "omelette", "omelet", "frittata", "mayonnaise", "mayo", "meringue", "quiche", "aioli"),
        (new NameKeyword("milk", PlantMilks), [Dairy]),
        (new NameKeyword("butter", NutButters), [Dairy]),
        (new NameKeyword("cheese", "vegan cheese", "dairy free cheese"), [Dairy]),
        (new NameKeyword("yoghurt", "soy yoghurt", "coconut yoghurt", "vegan yoghurt", "dairy free yoghurt"), [Dairy]),
        (new NameKeyword("yogurt", "soy yogurt", "coconut yogurt", "vegan yogurt", "dairy free yogurt"), [Dairy]),
        (new NameKeyword("cream", "coconut cream"), [Dairy]),
        .. Words([Dairy], "whey", "casein", "ghee", "paneer", "ricotta", "cottage", "feta", "mozzarella", "parmesan", "haloumi", "halloumi", "custard", "dairy", "latte", "kefir", "quark", "skyr"),
        (new NameKeyword("bread", GlutenFreeMarkers), [Gluten]),
        (new NameKeyword("pasta", GlutenFreeMarkers), [Gluten]),
        (new NameKeyword("wrap", GlutenFreeMarkers), [Gluten]),
        (new NameKeyword("noodle", [.. GlutenFreeMarkers, "rice noodle"]), [Gluten]),
        (new NameKeyword("oats", GlutenFreeMarkers), [Gluten]),
        (new NameKeyword("oat", GlutenFreeMarkers), [Gluten]),
        (new NameKeyword("porridge", [.. GlutenFreeMarkers, "rice porridge", "quinoa porridge"]), [Gluten]),
        (new NameKeyword("flour", [.. GlutenFreeMarkers, "rice flour", "almond flour", "coconut flour", "chickpea flour"]), [Gluten]),
        .. Words([Gluten], "wheat", "barley", "rye", "couscous", "seitan", "spelt", "semolina", "bulgur", "muesli", "granola", "bagel", "muffin", "croissant", "cracker", "weet bix", "weetbix", "crumpet", "pita", "naan", "tortilla wrap"),
        (new NameKeyword("gluten", GlutenFreeMarkers), [Gluten]),
        .. Words([TreeNut, Peanut], "nut", "mixed nuts"),
        .. Words([TreeNut], "almond", "cashew", "walnut", "pecan", "pistachio", "hazelnut", "macadamia", "brazil nut", "pine nut", "praline", "marzipan", "nutella"),
        .. Words([Peanut], "peanut", "groundnut", "satay"),
        .. Words([Soy], "soy", "soya", "tofu", "tempeh", "edamame", "miso", "tamari", "natto"),
        .. Words([Sesame], "sesame", "tahini", "hummus", "houmous", "halva"),
        .. Words([Lupin], "lupin", "lupini"),
        .. Words([Alcohol], "wine", "beer", "rum", "vodka", "alcohol", "mirin", "sake", "brandy", "whisky", "whiskey", "liqueur"),
        .. Words([Gelatin], "gelatin", "gelatine", "jelly", "marshmallow"),
        .. Words([Honey], "honey"),
    ];

    public static IReadOnlySet<FoodTag> Infer(string foodName)
    {
        var normalised = NameMatching.Normalise(foodName);
        var tags = new HashSet<FoodTag>();
        foreach (var (keyword, implied) in Rules)
        {
            if (keyword.Matches(normalised))
            {
                tags.UnionWith(implied);
            }
        }

        return tags;
    }

    private static IEnumerable<(NameKeyword, FoodTag[])> Words(FoodTag[] tags, params string[] phrases) =>
        [(NameKeyword.AnyOf(phrases), tags)];
}
