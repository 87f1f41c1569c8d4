using Derrimut.BuildingBlocks.Errors;

namespace Derrimut.BuildingBlocks.Ui;

/// <summary>
/// One thing a person does on a page (save, approve, cancel…): whether it is running, and what went wrong, in the
/// API's field names, so the message sits under the field the API problem would name. Expected refusals (validation,
/// conflict, not found, forbidden) become messages; anything else is a defect and propagates.
/// Pair it with <c>&lt;FieldError Action="…" Field="…" /&gt;</c> and <c>&lt;StatusMessage&gt;</c>.
/// </summary>
public sealed class UiAction
{
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    /// <summary>The action is running: its button is disabled, and a second click does nothing.</summary>
    public bool Busy { get; private set; }

    /// <summary>What happened, for the whole form: a success message or a refusal that names no field.</summary>
    public string? Message { get; private set; }

    /// <summary>How <see cref="Message"/> reads.</summary>
    public StatusKind MessageKind { get; private set; } = StatusKind.Info;

    /// <summary>Whether the last run succeeded (null before the first run).</summary>
    public bool? Succeeded { get; private set; }

    /// <summary>Messages per field (the API's JSON names: <c>email</c>, <c>lines[0].quantity</c> shows on <c>lines</c>…).</summary>
    public IReadOnlyDictionary<string, string> Errors => _errors;

    /// <summary>Whether <paramref name="field"/> has an error.</summary>
    public bool HasError(string field) => _errors.ContainsKey(field);

    /// <summary>The error shown under <paramref name="field"/>, if any.</summary>
    public string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    /// <summary>
    /// Runs <paramref name="work"/>. Returns true when it finished; false when it was refused (the reasons are now in
    /// <see cref="Errors"/> and <see cref="Message"/>) or when the action was already running.
    /// </summary>
    /// <param name="work">The call, usually a page call to a use case's handler.</param>
    /// <param name="successMessage">Shown when it finished.</param>
    /// <param name="defaultField">Where a conflict that names no field is shown (else as the form's message).</param>
    public async Task<bool> RunAsync(Func<Task> work, string? successMessage = null, string? defaultField = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Busy)
        {
            return false;
        }

        Busy = true;
        Clear();
        try
        {
            await work();
            Succeeded = true;
            if (successMessage is not null)
            {
                Show(successMessage, StatusKind.Success);
            }

            return true;
        }
        catch (Exception e) when (Refusal(e, defaultField))
        {
            Succeeded = false;
            return false;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Clears the errors and the message (e.g. when the form is reset).</summary>
    public void Clear()
    {
        _errors.Clear();
        Message = null;
        MessageKind = StatusKind.Info;
        Succeeded = null;
    }

    /// <summary>Shows a message for the whole form.</summary>
    public void Show(string message, StatusKind kind)
    {
        Message = message;
        MessageKind = kind;
    }

    /// <summary>Puts an error on a field found before calling anything (e.g. a date the browser could not parse).</summary>
    public void Fail(string field, string message)
    {
        _errors[field] = message;
        Succeeded = false;
    }

    private bool Refusal(Exception exception, string? defaultField)
    {
        switch (exception)
        {
            case ValidationException validation:
                foreach (var (field, messages) in validation.Errors)
                {
                    var key = FieldGroup(field);
                    var text = string.Join(" ", messages);
                    _errors[key] = _errors.TryGetValue(key, out var existing) ? $"{existing} {text}" : text;
                }

                if (validation.Errors.Count > 0 && _errors.Keys.All(k => k.Length == 0))
                {
                    Show(_errors[""], StatusKind.Error);
                }

                return true;
            case ConflictException conflict when (conflict.Field ?? defaultField) is { } field:
                _errors[field] = conflict.Message;
                return true;
            case ConflictException or NotFoundException or ForbiddenException:
                Show(exception.Message, StatusKind.Error);
                return true;
            default:
                return false;
        }
    }

    /// <summary>List items (<c>roles[1]</c>, <c>lines[0].quantity</c>) show on the list's field.</summary>
    private static string FieldGroup(string field)
    {
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? field : field[..bracket];
    }
}
