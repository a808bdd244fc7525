namespace AutoFinance.Insight.ServiceMetrics;

/// <summary>What was asked.</summary>
public enum SurveyKind
{
    /// <summary>"How satisfied were you?" on 1–5.</summary>
    Csat,

    /// <summary>"How likely are you to recommend us?" on 0–10.</summary>
    Nps,
}

/// <summary>One survey answer.</summary>
public sealed record SurveyResponse(string Group, SurveyKind Kind, int Score)
{
    /// <summary>The score lies on the kind's scale.</summary>
    public bool IsValid => Kind == SurveyKind.Csat ? Score is >= 1 and <= 5 : Score is >= 0 and <= 10;
}
