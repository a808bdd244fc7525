using System.Globalization;
using System.Text.RegularExpressions;

namespace AutoFinance.Domain.Notifications;

/// <summary>
/// One version of one event's texts in one language: a subject (e-mail subject and inbox title), the SMS text, and
/// the body of the e-mail and the inbox message. Placeholders are written {name}.
/// </summary>
/// <remarks>
/// The file form, one file per event, language and version:
/// <code>
/// subject: 您的贷款申请已获批准
/// sms: 【AutoFinance】您的贷款申请{reference}已获批准……
/// body:
/// 尊敬的客户：
/// ……
/// </code>
/// Lines before <c>body:</c> that start with <c>#</c> are comments; the body is every line after <c>body:</c>, trimmed
/// at both ends.
/// </remarks>
public sealed partial record NoticeTemplate(NoticeEvent Event, string Language, int Version, string Subject, string Sms, string Body)
{
    /// <summary>The placeholders the template uses, in order of first use.</summary>
    public IReadOnlyList<string> Placeholders =>
        [.. new[] { Subject, Sms, Body }.SelectMany(text => Placeholder().Matches(text).Select(m => m.Groups[1].Value)).Distinct(StringComparer.Ordinal)];

    /// <summary>Reads a template file's text; throws <see cref="FormatException"/> naming what is missing.</summary>
    public static NoticeTemplate Parse(NoticeEvent notice, string language, int version, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        string? subject = null, sms = null;
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("subject:", StringComparison.Ordinal))
            {
                subject = line["subject:".Length..].Trim();
            }
            else if (line.StartsWith("sms:", StringComparison.Ordinal))
            {
                sms = line["sms:".Length..].Trim();
            }
            else if (line == "body:")
            {
                var body = string.Join('\n', lines[(i + 1)..]).Trim();
                var where = string.Create(CultureInfo.InvariantCulture, $"{notice.ToName()} {language} v{version}");
                return new NoticeTemplate(notice, language, version,
                    string.IsNullOrEmpty(subject) ? throw new FormatException($"{where}: no subject line") : subject,
                    string.IsNullOrEmpty(sms) ? throw new FormatException($"{where}: no sms line") : sms,
                    body.Length == 0 ? throw new FormatException($"{where}: the body is empty") : body);
            }
            else
            {
                throw new FormatException($"{notice.ToName()} {language} v{version}: unexpected line \"{line}\"; expected subject:, sms: or body:");
            }
        }

        throw new FormatException($"{notice.ToName()} {language} v{version}: no body: line");
    }

    /// <summary>The text with every placeholder replaced; throws when a value is missing (a programming error).</summary>
    internal static string Fill(string text, Func<string, string?> value) =>
        Placeholder().Replace(text, match => value(match.Groups[1].Value)
            ?? throw new InvalidOperationException($"no value for {match.Value}"));

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
