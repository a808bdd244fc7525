using AutoFinance.Domain.Notifications;
using AutoFinance.Infrastructure.Notifications;

namespace AutoFinance.Web.Tests.Notifications;

/// <summary>The template files kept in the repository: complete, well formed and the same in both languages.</summary>
public sealed class TemplateFileTests
{
    [Fact]
    public void Every_event_has_a_chinese_and_an_english_template()
    {
        var newest = NoticeTemplateFiles.All.Newest;
        foreach (var notice in NoticeEvents.All)
        {
            Assert.Contains(newest, t => t.Event == notice && t.Language == "zh-CN");
            Assert.Contains(newest, t => t.Event == notice && t.Language == "en");
        }
    }

    [Fact]
    public void Both_languages_of_an_event_name_the_same_values_and_the_chinese_ones_are_in_chinese()
    {
        foreach (var group in NoticeTemplateFiles.All.Newest.GroupBy(t => t.Event))
        {
            var chinese = group.Single(t => t.Language == "zh-CN");
            var english = group.Single(t => t.Language == "en");
            Assert.True(chinese.Placeholders.Order().SequenceEqual(english.Placeholders.Order()), $"{group.Key.ToName()}: {string.Join(",", chinese.Placeholders)} vs {string.Join(",", english.Placeholders)}");
            Assert.StartsWith("【AutoFinance】", chinese.Sms, StringComparison.Ordinal);
            Assert.Contains(chinese.Subject, c => c >= '\u4e00' && c <= '\u9fff');
        }
    }

    [Fact]
    public void Every_file_is_named_for_its_event_language_and_version()
    {
        Assert.All(NoticeTemplateFiles.Files(), t => Assert.True(t.Version >= 1));
        Assert.Equal(NoticeEvents.All.Count * 2, NoticeTemplateFiles.All.Newest.Count);
    }
}
