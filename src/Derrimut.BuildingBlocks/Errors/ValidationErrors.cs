namespace Derrimut.BuildingBlocks.Errors;

/// <summary>Collects field errors for a request; field names are the JSON names the client sent.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when nothing failed.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Adds an error for a field.</summary>
    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    /// <summary>Adds an error when <paramref name="failed"/> is true.</summary>
    public ValidationErrors AddIf(bool failed, string field, string message) => failed ? Add(field, message) : this;

    /// <summary>Requires a non-blank string no longer than <paramref name="maxLength"/>.</summary>
    public ValidationErrors Required(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "This field is required.");
        }

        return AddIf(value.Length > maxLength, field, $"This field must be at most {maxLength} characters.");
    }

    /// <summary>Limits an optional string's length.</summary>
    public ValidationErrors MaxLength(string? value, string field, int maxLength) =>
        AddIf(value is not null && value.Length > maxLength, field, $"This field must be at most {maxLength} characters.");

    /// <summary>The errors as the problem-details <c>errors</c> member.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Throws a <see cref="ValidationException"/> when anything failed.</summary>
    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new ValidationException(ToDictionary());
        }
    }
}

/// <summary>A request that can check itself; the API's validation filter calls it before the handler runs.</summary>
public interface IValidatable
{
    /// <summary>Adds an error for every broken rule.</summary>
    void Validate(ValidationErrors errors);
}
