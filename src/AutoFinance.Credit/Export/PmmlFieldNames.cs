namespace AutoFinance.Credit.Export;

/// <summary>The field names of one PMML document: the inputs' own names, and unique names for the fields it adds.</summary>
internal sealed class PmmlFieldNames
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public PmmlFieldNames(IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (!_taken.Add(input))
            {
                throw new ArgumentException($"two characteristics are named '{input}'", nameof(inputs));
            }
        }
    }

    /// <summary><paramref name="preferred"/>, or it with the first free suffix _2, _3, ... when an input has that name.</summary>
    public string Claim(string preferred)
    {
        var name = preferred;
        for (var n = 2; !_taken.Add(name); n++)
        {
            name = $"{preferred}_{n}";
        }

        return name;
    }
}
