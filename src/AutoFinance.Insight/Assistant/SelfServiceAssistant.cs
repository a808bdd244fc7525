namespace AutoFinance.Insight.Assistant;

/// <summary>The self-service assistant: recognises the question, answers from the customer's own figures, or hands over.</summary>
public sealed class SelfServiceAssistant(IntentClassifier classifier)
{
    /// <summary>The assistant with the built-in examples.</summary>
    public static SelfServiceAssistant Default { get; } = new(new IntentClassifier());

    /// <summary>Answers <paramref name="question"/> in <paramref name="language"/> from <paramref name="snapshot"/>.</summary>
    public AssistantAnswer Answer(string question, LoanSnapshot snapshot, string language)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return AnswerComposer.Compose(classifier.Classify(question).Intent, snapshot, language);
    }
}
