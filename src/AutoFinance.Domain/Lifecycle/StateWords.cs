using System.Text;

namespace AutoFinance.Domain.Lifecycle;

/// <summary>
/// The word a state is stored and shown by: its name in lower kebab case (<c>ChargedOff</c> → <c>charged-off</c>,
/// <c>InProgress</c> → <c>in-progress</c>), the same word the JSON answers use; one rule for every lifecycle.
/// </summary>
public static class StateWords<TState>
    where TState : struct, Enum
{
    private static readonly Dictionary<TState, string> Words = Enum.GetValues<TState>().ToDictionary(s => s, s => Kebab(s.ToString()));

    private static readonly Dictionary<string, TState> States = Words.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every state's word, in the order the states are declared.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Words.Values];

    public static string Of(TState state) =>
        Words.TryGetValue(state, out var word) ? word : throw new ArgumentOutOfRangeException(nameof(state), state, $"not a {typeof(TState).Name}");

    public static TState Parse(string word) =>
        States.TryGetValue(word, out var state) ? state : throw new ArgumentOutOfRangeException(nameof(word), word, $"not a {typeof(TState).Name}");

    /// <summary>The state a word names, or false for any other word (a filter on an unknown state matches nothing).</summary>
    public static bool TryParse(string word, out TState state) => States.TryGetValue(word, out state);

    private static string Kebab(string name)
    {
        var word = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && word.Length > 0)
            {
                word.Append('-');
            }

            word.Append(char.ToLowerInvariant(c));
        }

        return word.ToString();
    }
}
