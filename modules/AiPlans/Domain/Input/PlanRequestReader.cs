namespace Derrimut.AiPlans.Domain.Input;

/// <summary>The outcome of reading loose plan answers: a request, or errors keyed by field (never both).</summary>
internal sealed record PlanRequestReadResult(PlanRequest? Request, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => Request is not null && Errors.Count == 0;
}

/// <summary>
/// Reads plan answers from a JSON object whose names and values are loose: the snake_case or camelCase names a
/// voice agent or a form uses (<c>height_cm</c>, <c>heightCm</c>, <c>height</c>), numbers as strings or words,
/// lists as arrays or as one spoken sentence. Reports missing and unreadable fields by their canonical camelCase
/// names, then applies <see cref="PlanRequestValidator"/>'s ranges. Never throws for bad input.
/// </summary>
internal static class PlanRequestReader
{
    // Names are compared after lower-casing and removing everything but letters and digits, so "height_cm",
    // "heightCm" and "Height (cm)" are the same key.
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        [PlanRequestFields.Age] = ["age", "ageyears", "ageinyears", "yearsold"],
        [PlanRequestFields.Sex] = ["sex", "gender", "biologicalsex"],
        [PlanRequestFields.HeightCm] = ["heightcm", "height", "heightincm", "heightcentimetres", "heightcentimeters"],
        [PlanRequestFields.WeightKg] = ["weightkg", "weight", "weightinkg", "bodyweight", "weightkilograms"],
        [PlanRequestFields.Injuries] = ["injuries", "injury", "limitations", "injurieslimitations", "injuriesorlimitations", "injuriesandlimitations", "physicallimitations"],
        [PlanRequestFields.OtherLimitations] = ["otherlimitations", "otherinjuries"],
        [PlanRequestFields.WorkoutDays] = ["workoutdays", "workoutdaysperweek", "days", "daysperweek", "trainingdays", "trainingdaysperweek", "workoutfrequency", "frequency"],
        [PlanRequestFields.WorkoutWeekdays] = ["workoutweekdays", "weekdays", "preferreddays", "trainingweekdays", "workoutdaynames"],
        [PlanRequestFields.Goal] = ["goal", "fitnessgoal", "fitnessgoals", "goals"],
        [PlanRequestFields.Level] = ["level", "fitnesslevel", "experience", "experiencelevel", "traininglevel"],
        [PlanRequestFields.ActivityLevel] = ["activitylevel", "activity", "dailyactivity", "lifestyle"],
        [PlanRequestFields.DietaryRestrictions] = ["dietaryrestrictions", "dietaryrestriction", "diet", "dietaryrequirements", "dietrestrictions", "dietarypreferences"],
        [PlanRequestFields.Allergies] = ["allergies", "allergy", "foodallergies", "allergens"],
    };

    private static readonly (string, Sex)[] SexWords =
    [
        ("male", Sex.Male), ("man", Sex.Male), ("boy", Sex.Male), ("guy", Sex.Male),
        ("female", Sex.Female), ("woman", Sex.Female), ("girl", Sex.Female), ("lady", Sex.Female),
    ];

    private static readonly (string, FitnessGoal)[] GoalWords =
    [
        ("lose weight", FitnessGoal.LoseWeight), ("weight loss", FitnessGoal.LoseWeight), ("losing weight", FitnessGoal.LoseWeight),
        ("lose fat", FitnessGoal.LoseWeight), ("fat loss", FitnessGoal.LoseWeight), ("burn fat", FitnessGoal.LoseWeight),
        ("slim down", FitnessGoal.LoseWeight), ("get lean", FitnessGoal.LoseWeight), ("lean out", FitnessGoal.LoseWeight),
        ("tone up", FitnessGoal.LoseWeight), ("cut", FitnessGoal.LoseWeight), ("cutting", FitnessGoal.LoseWeight),
        ("build muscle", FitnessGoal.BuildMuscle), ("muscle gain", FitnessGoal.BuildMuscle), ("gain muscle", FitnessGoal.BuildMuscle),
        ("muscle", FitnessGoal.BuildMuscle), ("bulk", FitnessGoal.BuildMuscle), ("bulking", FitnessGoal.BuildMuscle),
        ("hypertrophy", FitnessGoal.BuildMuscle), ("strength", FitnessGoal.BuildMuscle), ("stronger", FitnessGoal.BuildMuscle),
        ("gain weight", FitnessGoal.BuildMuscle), ("mass", FitnessGoal.BuildMuscle),
        ("general fitness", FitnessGoal.GeneralFitness), ("fitness", FitnessGoal.GeneralFitness), ("get fit", FitnessGoal.GeneralFitness),
        ("stay fit", FitnessGoal.GeneralFitness), ("health", FitnessGoal.GeneralFitness), ("healthy", FitnessGoal.GeneralFitness),
        ("overall", FitnessGoal.GeneralFitness), ("maintain", FitnessGoal.GeneralFitness), ("maintenance", FitnessGoal.GeneralFitness),
        ("wellbeing", FitnessGoal.GeneralFitness),
        ("endurance", FitnessGoal.Endurance), ("stamina", FitnessGoal.Endurance), ("cardio", FitnessGoal.Endurance),
        ("marathon", FitnessGoal.Endurance), ("running", FitnessGoal.Endurance), ("triathlon", FitnessGoal.Endurance),
        ("cycling", FitnessGoal.Endurance), ("aerobic", FitnessGoal.Endurance), ("fun run", FitnessGoal.Endurance),
    ];

    private static readonly (string, FitnessLevel)[] LevelWords =
    [
        ("beginner", FitnessLevel.Beginner), ("novice", FitnessLevel.Beginner), ("new", FitnessLevel.Beginner),
        ("just starting", FitnessLevel.Beginner), ("starting out", FitnessLevel.Beginner), ("never", FitnessLevel.Beginner),
        ("first time", FitnessLevel.Beginner), ("untrained", FitnessLevel.Beginner), ("low", FitnessLevel.Beginner),
        ("intermediate", FitnessLevel.Intermediate), ("some experience", FitnessLevel.Intermediate), ("moderate", FitnessLevel.Intermediate),
        ("average", FitnessLevel.Intermediate), ("medium", FitnessLevel.Intermediate),
        ("advanced", FitnessLevel.Advanced), ("experienced", FitnessLevel.Advanced), ("expert", FitnessLevel.Advanced),
        ("athlete", FitnessLevel.Advanced), ("high", FitnessLevel.Advanced), ("competitive", FitnessLevel.Advanced),
    ];

    private static readonly (string, ActivityLevel)[] ActivityWords =
    [
        ("sedentary", ActivityLevel.Sedentary), ("inactive", ActivityLevel.Sedentary), ("not active", ActivityLevel.Sedentary),
        ("not very active", ActivityLevel.Sedentary), ("not really active", ActivityLevel.Sedentary), ("desk job", ActivityLevel.Sedentary),
        ("office job", ActivityLevel.Sedentary), ("little or no exercise", ActivityLevel.Sedentary), ("no exercise", ActivityLevel.Sedentary),
        ("light", ActivityLevel.Light), ("lightly", ActivityLevel.Light), ("lightly active", ActivityLevel.Light),
        ("a little active", ActivityLevel.Light), ("somewhat active", ActivityLevel.Light), ("slightly active", ActivityLevel.Light),
        ("moderate", ActivityLevel.Moderate), ("moderately", ActivityLevel.Moderate), ("moderately active", ActivityLevel.Moderate),
        ("active", ActivityLevel.Moderate), ("fairly active", ActivityLevel.Moderate), ("average", ActivityLevel.Moderate),
        ("very", ActivityLevel.Very), ("very active", ActivityLevel.Very), ("highly active", ActivityLevel.Very),
        ("extra", ActivityLevel.Extra), ("extra active", ActivityLevel.Extra), ("extremely active", ActivityLevel.Extra),
        ("physical job", ActivityLevel.Extra), ("manual labour", ActivityLevel.Extra), ("athlete", ActivityLevel.Extra),
    ];

    private static readonly (string, InjuryKind)[] InjuryWords =
    [
        ("lower back", InjuryKind.LowerBack), ("low back", InjuryKind.LowerBack), ("back", InjuryKind.LowerBack),
        ("lumbar", InjuryKind.LowerBack), ("spine", InjuryKind.LowerBack), ("spinal", InjuryKind.LowerBack),
        ("disc", InjuryKind.LowerBack), ("sciatica", InjuryKind.LowerBack), ("lowerback", InjuryKind.LowerBack),
        ("knee", InjuryKind.Knee), ("acl", InjuryKind.Knee), ("mcl", InjuryKind.Knee), ("meniscus", InjuryKind.Knee),
        ("patella", InjuryKind.Knee), ("patellar", InjuryKind.Knee), ("kneecap", InjuryKind.Knee),
        ("shoulder", InjuryKind.Shoulder), ("rotator cuff", InjuryKind.Shoulder), ("collarbone", InjuryKind.Shoulder),
        ("wrist", InjuryKind.Wrist), ("carpal tunnel", InjuryKind.Wrist),
        ("ankle", InjuryKind.Ankle), ("achilles", InjuryKind.Ankle),
        ("neck", InjuryKind.Neck), ("cervical", InjuryKind.Neck), ("whiplash", InjuryKind.Neck),
        ("hip", InjuryKind.Hip), ("groin", InjuryKind.Hip),
    ];

    private static readonly (string, DietaryRestriction)[] RestrictionWords =
    [
        ("vegetarian", DietaryRestriction.Vegetarian), ("veggie", DietaryRestriction.Vegetarian), ("lacto ovo", DietaryRestriction.Vegetarian),
        ("no meat", DietaryRestriction.Vegetarian),
        ("vegan", DietaryRestriction.Vegan), ("plant based", DietaryRestriction.Vegan), ("no animal products", DietaryRestriction.Vegan),
        ("pescatarian", DietaryRestriction.Pescatarian), ("pescetarian", DietaryRestriction.Pescatarian),
        ("halal", DietaryRestriction.Halal),
        ("gluten free", DietaryRestriction.GlutenFree), ("no gluten", DietaryRestriction.GlutenFree), ("coeliac", DietaryRestriction.GlutenFree),
        ("celiac", DietaryRestriction.GlutenFree), ("wheat free", DietaryRestriction.GlutenFree), ("glutenfree", DietaryRestriction.GlutenFree),
        ("dairy free", DietaryRestriction.DairyFree), ("no dairy", DietaryRestriction.DairyFree), ("lactose", DietaryRestriction.DairyFree),
        ("lactose intolerant", DietaryRestriction.DairyFree), ("lactose free", DietaryRestriction.DairyFree), ("dairyfree", DietaryRestriction.DairyFree),
    ];

    private static readonly (string, Allergen)[] AllergenWords =
    [
        ("nut", Allergen.Nuts), ("tree nut", Allergen.Nuts), ("almond", Allergen.Nuts), ("cashew", Allergen.Nuts),
        ("walnut", Allergen.Nuts), ("hazelnut", Allergen.Nuts), ("pistachio", Allergen.Nuts), ("pecan", Allergen.Nuts),
        ("macadamia", Allergen.Nuts), ("treenuts", Allergen.Nuts),
        ("peanut", Allergen.Peanuts), ("groundnut", Allergen.Peanuts),
        ("shellfish", Allergen.Shellfish), ("crustacean", Allergen.Shellfish), ("prawn", Allergen.Shellfish), ("shrimp", Allergen.Shellfish),
        ("crab", Allergen.Shellfish), ("lobster", Allergen.Shellfish), ("mollusc", Allergen.Shellfish), ("oyster", Allergen.Shellfish),
        ("mussel", Allergen.Shellfish), ("seafood", Allergen.Shellfish),
        ("fish", Allergen.Fish), ("seafood", Allergen.Fish), ("salmon", Allergen.Fish), ("tuna", Allergen.Fish),
        ("egg", Allergen.Eggs),
        ("soy", Allergen.Soy), ("soya", Allergen.Soy), ("soybean", Allergen.Soy),
        ("gluten", Allergen.Gluten), ("wheat", Allergen.Gluten), ("coeliac", Allergen.Gluten), ("celiac", Allergen.Gluten),
        ("dairy", Allergen.Dairy), ("milk", Allergen.Dairy), ("lactose", Allergen.Dairy),
        ("sesame", Allergen.Sesame), ("tahini", Allergen.Sesame),
        ("lupin", Allergen.Lupin),
    ];

    private static readonly (string, DayOfWeek)[] WeekdayWords =
    [
        ("monday", DayOfWeek.Monday), ("mon", DayOfWeek.Monday),
        ("tuesday", DayOfWeek.Tuesday), ("tue", DayOfWeek.Tuesday), ("tues", DayOfWeek.Tuesday),
        ("wednesday", DayOfWeek.Wednesday), ("wed", DayOfWeek.Wednesday), ("weds", DayOfWeek.Wednesday),
        ("thursday", DayOfWeek.Thursday), ("thu", DayOfWeek.Thursday), ("thur", DayOfWeek.Thursday), ("thurs", DayOfWeek.Thursday),
        ("friday", DayOfWeek.Friday), ("fri", DayOfWeek.Friday),
        ("saturday", DayOfWeek.Saturday), ("sat", DayOfWeek.Saturday),
        ("sunday", DayOfWeek.Sunday), ("sun", DayOfWeek.Sunday),
    ];

    public static PlanRequestReadResult Read(JsonElement answers)
    {
        var errors = new FieldErrors();
        if (answers.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "The plan answers must be a JSON object of named fields.");
            return new PlanRequestReadResult(null, errors.ToDictionary());
        }

        var fields = Index(answers);
        JsonElement? Field(string name) =>
            Aliases[name].Select(alias => fields.TryGetValue(alias, out var value) ? value : (JsonElement?)null).FirstOrDefault(value => value is not null);

        var age = Required(Field(PlanRequestFields.Age), PlanRequestFields.Age, "the member's age in years", errors, ReadAge);
        var sex = Required(Field(PlanRequestFields.Sex), PlanRequestFields.Sex, "male or female (the energy equation differs)", errors, ReadSex);
        var height = Required(Field(PlanRequestFields.HeightCm), PlanRequestFields.HeightCm, "height in centimetres, e.g. 175", errors, ReadHeight);
        var weight = Required(Field(PlanRequestFields.WeightKg), PlanRequestFields.WeightKg, "weight in kilograms, e.g. 80", errors, ReadWeight);
        var goal = Required(Field(PlanRequestFields.Goal), PlanRequestFields.Goal, "lose weight, build muscle, general fitness or endurance", errors, text => Choice(text, GoalWords));
        var level = Required(Field(PlanRequestFields.Level), PlanRequestFields.Level, "beginner, intermediate or advanced", errors, text => Choice(text, LevelWords));
        var activity = Required(Field(PlanRequestFields.ActivityLevel), PlanRequestFields.ActivityLevel, "sedentary, light, moderate, very or extra active", errors, text => Choice(text, ActivityWords));

        var (workoutDays, weekdays) = ReadWorkoutDays(Field(PlanRequestFields.WorkoutDays), Field(PlanRequestFields.WorkoutWeekdays), errors);
        var (injuries, otherLimitations) = ReadInjuries(Field(PlanRequestFields.Injuries), Field(PlanRequestFields.OtherLimitations));
        var (restrictions, extraAllergies) = ReadRestrictions(Field(PlanRequestFields.DietaryRestrictions), errors);
        var allergies = ReadAllergies(Field(PlanRequestFields.Allergies), errors).Concat(extraAllergies).Distinct().Order().ToList();

        if (age is { } a && !errors.Has(PlanRequestFields.Age))
        {
            PlanRequestValidator.CheckAge((int)a, errors);
        }

        if (height is { } h)
        {
            PlanRequestValidator.CheckHeight(h, errors);
        }

        if (weight is { } w)
        {
            PlanRequestValidator.CheckWeight(w, errors);
        }

        PlanRequestValidator.CheckOtherLimitations(otherLimitations, errors);
        if (!errors.Has(PlanRequestFields.WorkoutDays) && !errors.Has(PlanRequestFields.WorkoutWeekdays))
        {
            PlanRequestValidator.CheckWorkoutDays(workoutDays, weekdays, errors);
        }

        if (!errors.IsEmpty || age is null || sex is null || height is null || weight is null || goal is null || level is null || activity is null)
        {
            return new PlanRequestReadResult(null, errors.ToDictionary());
        }

        var request = new PlanRequest
        {
            Age = (int)age.Value,
            Sex = sex.Value,
            HeightCm = height.Value,
            WeightKg = weight.Value,
            Injuries = injuries,
            OtherLimitations = otherLimitations,
            WorkoutDays = workoutDays,
            WorkoutWeekdays = weekdays,
            Goal = goal.Value,
            Level = level.Value,
            ActivityLevel = activity.Value,
            DietaryRestrictions = restrictions,
            Allergies = allergies,
        };
        var validation = PlanRequestValidator.Validate(request);
        return validation.Count == 0 ? new PlanRequestReadResult(request, validation) : new PlanRequestReadResult(null, validation);
    }

    public static string Normalise(string name) =>
        new([.. name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    /// <summary>Top-level fields, then fields of nested objects (some agents wrap answers in one object).</summary>
    private static Dictionary<string, JsonElement> Index(JsonElement answers)
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in answers.EnumerateObject())
        {
            fields.TryAdd(Normalise(property.Name), property.Value);
        }

        foreach (var property in answers.EnumerateObject().Where(property => property.Value.ValueKind == JsonValueKind.Object))
        {
            foreach (var nested in property.Value.EnumerateObject())
            {
                fields.TryAdd(Normalise(nested.Name), nested.Value);
            }
        }

        return fields;
    }

    private static T? Required<T>(JsonElement? value, string field, string hint, FieldErrors errors, Func<string, T?> read)
        where T : struct
    {
        var text = Text(value);
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(field, $"{field} is required: {hint}.");
            return null;
        }

        var result = read(text);
        if (result is null)
        {
            errors.Add(field, $"Could not understand '{text}' for {field}; expected {hint}.");
        }

        return result;
    }

    /// <summary>A scalar as text; arrays joined with commas; null for missing or JSON null.</summary>
    private static string? Text(JsonElement? value) => value?.ValueKind switch
    {
        null or JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.Number => value.Value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(", ", value.Value.EnumerateArray().Select(item => Text(item)).Where(item => !string.IsNullOrWhiteSpace(item))),
        _ => value.Value.GetRawText(),
    };

    private static decimal? ReadAge(string text) => SpokenValues.FirstNumber(text) is { } age ? Math.Floor(age) : null;

    // Single letters only as the whole answer: "m" inside "I'm a woman" must not read as male.
    private static Sex? ReadSex(string text) => NameMatching.Normalise(text) switch
    {
        "m" => Sex.Male,
        "f" => Sex.Female,
        _ => Choice(text, SexWords),
    };

    private static decimal? ReadHeight(string text) => SpokenValues.HeightCm(text);

    private static decimal? ReadWeight(string text) => SpokenValues.WeightKg(text);

    private static T? Choice<T>(string text, IReadOnlyList<(string, T)> words)
        where T : struct => SpokenValues.Earliest(text, words);

    private static (int? Count, IReadOnlyList<DayOfWeek> Weekdays) ReadWorkoutDays(JsonElement? daysField, JsonElement? weekdaysField, FieldErrors errors)
    {
        var weekdays = new List<DayOfWeek>();
        int? count = null;

        var weekdaysText = Text(weekdaysField);
        if (!string.IsNullOrWhiteSpace(weekdaysText))
        {
            var named = Weekdays(weekdaysText);
            if (named.Count == 0)
            {
                errors.Add(PlanRequestFields.WorkoutWeekdays, $"Could not find weekday names in '{weekdaysText}'; expected e.g. Monday, Wednesday, Friday.");
            }

            weekdays.AddRange(named);
        }

        var daysText = Text(daysField);
        if (!string.IsNullOrWhiteSpace(daysText))
        {
            var named = Weekdays(daysText);
            if (named.Count > 0)
            {
                weekdays.AddRange(named.Where(day => !weekdays.Contains(day)));
            }
            else if (SpokenValues.FirstNumber(daysText) is { } number && number == Math.Floor(number))
            {
                count = (int)Math.Min(number, 100);
            }
            else
            {
                errors.Add(PlanRequestFields.WorkoutDays, $"Could not understand '{daysText}' for workoutDays; expected a number of days per week (1–7) or weekday names.");
            }
        }

        return (count, [.. TrainingWeek.MondayFirst.Where(weekdays.Contains)]);
    }

    private static List<DayOfWeek> Weekdays(string text)
    {
        var normalised = NameMatching.Normalise(text);
        if (normalised is "every day" or "everyday" or "daily" or "all week" or "7 days a week" or "seven days a week")
        {
            return [.. TrainingWeek.MondayFirst];
        }

        var days = SpokenValues.All(text, WeekdayWords).ToList();
        if (new NameKeyword("weekdays").Matches(normalised))
        {
            days.AddRange(TrainingWeek.MondayFirst.Take(5));
        }

        if (new NameKeyword("weekend").Matches(normalised))
        {
            days.AddRange([DayOfWeek.Saturday, DayOfWeek.Sunday]);
        }

        return [.. days.Distinct()];
    }

    private static (IReadOnlyList<InjuryKind> Injuries, string? Other) ReadInjuries(JsonElement? injuriesField, JsonElement? otherField)
    {
        var injuries = new List<InjuryKind>();
        var other = new List<string>();
        foreach (var item in Items(injuriesField))
        {
            var kinds = SpokenValues.All(item, InjuryWords).ToList();
            if (kinds.Count > 0)
            {
                injuries.AddRange(kinds);
            }
            else if (!SpokenValues.MeansNone(item))
            {
                other.Add(item);
            }
        }

        var otherText = Text(otherField);
        if (!string.IsNullOrWhiteSpace(otherText) && !SpokenValues.MeansNone(otherText))
        {
            other.Add(otherText.Trim());
        }

        return ([.. injuries.Distinct().Order()], other.Count == 0 ? null : string.Join("; ", other));
    }

    private static (IReadOnlyList<DietaryRestriction> Restrictions, IReadOnlyList<Allergen> Allergies) ReadRestrictions(JsonElement? field, FieldErrors errors)
    {
        var restrictions = new List<DietaryRestriction>();
        var allergies = new List<Allergen>();
        foreach (var item in Items(field))
        {
            var matched = SpokenValues.All(item, RestrictionWords).ToList();
            if (matched.Count > 0)
            {
                restrictions.AddRange(matched);
                continue;
            }

            // An allergy mentioned under restrictions ("nut allergy") is still an allergy.
            var allergens = SpokenValues.All(item, AllergenWords).ToList();
            if (allergens.Count > 0)
            {
                allergies.AddRange(allergens);
            }
            else if (!SpokenValues.MeansNone(item))
            {
                errors.Add(
                    PlanRequestFields.DietaryRestrictions,
                    $"'{item}' is not a restriction we can plan for; supported: vegetarian, vegan, pescatarian, halal, gluten-free, dairy-free (and allergies).");
            }
        }

        return ([.. restrictions.Distinct().Order()], [.. allergies.Distinct().Order()]);
    }

    private static List<Allergen> ReadAllergies(JsonElement? field, FieldErrors errors)
    {
        var allergies = new List<Allergen>();
        foreach (var item in Items(field))
        {
            var matched = SpokenValues.All(item, AllergenWords).ToList();
            if (matched.Count > 0)
            {
                allergies.AddRange(matched);
            }
            else if (!SpokenValues.MeansNone(item))
            {
                // Never drop an allergy we do not understand: the plan could otherwise contain it.
                errors.Add(
                    PlanRequestFields.Allergies,
                    $"'{item}' is not an allergy we can plan around; supported: nuts, peanuts, shellfish, fish, eggs, soy, gluten, dairy, sesame, lupin.");
            }
        }

        return allergies;
    }

    /// <summary>The items of a list answer: array elements, or a sentence split on commas and "and".</summary>
    private static List<string> Items(JsonElement? field)
    {
        if (field is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return [];
        }

        IEnumerable<string> texts = value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(item => Text(item) ?? string.Empty)
            : [Text(value) ?? string.Empty];
        return [.. texts.SelectMany(SpokenValues.SplitList)];
    }
}
