namespace AutoFinance.Domain.Notifications;

/// <summary>A notice written for one channel in one language: the subject (none for SMS) and the text.</summary>
public sealed record RenderedNotice(NoticeChannel Channel, string Language, int TemplateVersion, string? Subject, string Text);
