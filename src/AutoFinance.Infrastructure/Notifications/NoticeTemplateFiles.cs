using System.Globalization;
using System.Text.RegularExpressions;
using AutoFinance.Domain.Notifications;

namespace AutoFinance.Infrastructure.Notifications;

/// <summary>
/// The notice templates kept as files in the repository (<c>Notifications/Templates/{event}.{language}.v{version}.txt</c>,
/// embedded in the assembly), read once. A new wording is a new file with the next version; the old one stays, so
/// what a customer was sent can be traced to the file it was written from.
/// </summary>
public static partial class NoticeTemplateFiles
{
    private const string Prefix = "notice-templates/";

    private static readonly Lazy<NoticeTemplates> Loaded = new(Load);

    public static NoticeTemplates All => Loaded.Value;

    /// <summary>Every template file, newest or not, as parsed.</summary>
    public static IReadOnlyList<NoticeTemplate> Files()
    {
        var assembly = typeof(NoticeTemplateFiles).Assembly;
        var templates = new List<NoticeTemplate>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var match = FileName().Match(name[Prefix.Length..]);
            var notice = match.Success ? NoticeEvents.FromName(match.Groups["event"].Value) : null;
            if (notice is null)
            {
                throw new InvalidOperationException($"{name} is not named {{event}}.{{zh-CN|en}}.v{{version}}.txt for a known event");
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            templates.Add(NoticeTemplate.Parse(notice.Value, match.Groups["language"].Value, int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), reader.ReadToEnd()));
        }

        return templates;
    }

    private static NoticeTemplates Load() => new(Files());

    [GeneratedRegex(@"^(?<event>[a-z\-\.]+)\.(?<language>zh-CN|en)\.v(?<version>[0-9]+)\.txt$")]
    private static partial Regex FileName();
}
