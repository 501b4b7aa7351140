namespace ContractRegie.Web.Pages.Forms;

public enum FieldKind { Text, Date, Select }

/// <summary>
/// One input of a server-rendered form. <see cref="ErrorKey"/> is the field name the API's validation uses, so the
/// same rule's message lands next to this input; <see cref="Name"/> is the posted name the page binds.
/// </summary>
public sealed record FormField(
    string Name,
    string ErrorKey,
    string Label,
    string? Value,
    FieldKind Kind = FieldKind.Text,
    IReadOnlyList<FieldOption>? Options = null,
    string? Hint = null,
    IReadOnlyList<string>? Suggestions = null)
{
    public IReadOnlyList<string> Errors { get; init; } = [];

    public string Id => "veld-" + ErrorKey;
    public string ErrorId => Id + "-fout";
    public string HintId => Id + "-uitleg";
    public string SuggestionsId => Id + "-voorstellen";

    /// <summary>The hint and the errors, for aria-describedby; null when there is neither.</summary>
    public string? DescribedBy =>
        string.Join(' ', new[] { Hint is null ? null : HintId, Errors.Count == 0 ? null : ErrorId }.OfType<string>()) is { Length: > 0 } ids ? ids : null;

    public static IReadOnlyList<FieldOption> OptionsOf<TEnum>(Func<TEnum, string>? text = null) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new FieldOption(v.ToString(), text?.Invoke(v) ?? v.ToString())).ToList();
}

public sealed record FieldOption(string Value, string Text);
