using AutoFinance.Domain.Validation;
using AutoFinance.Infrastructure.Origination;
using AutoFinance.Infrastructure.Persistence;
using AutoFinance.Insight.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace AutoFinance.Infrastructure.ServiceDesk;

/// <summary>
/// The help articles, stored in the database and searched with BM25 (English words, Chinese character bigrams). The
/// index is built from the stored articles at each search: a knowledge base is small (tens of articles), so an
/// edited article is found at once without a cache to invalidate.
/// </summary>
public sealed class KnowledgeBase(AutoFinanceDbContext db)
{
    public sealed record ArticleHit(string Slug, string Language, string Title, string Body, double Score);

    public async Task<CommandResult<IReadOnlyList<ArticleHit>>> SearchAsync(string? query, string? language, int top, CancellationToken ct)
    {
        var errors = new List<Domain.Validation.FieldError>();
        var q = query?.Trim() ?? string.Empty;
        if (q.Length is < 1 or > 200)
        {
            errors.Add(new("q", "is required: 1 to 200 characters to search for", "field.required-text", FieldProblems.Figures(("max", "200"))));
        }

        var lang = string.IsNullOrWhiteSpace(language) ? null : language.Trim();
        if (lang is not null && lang is not ("en" or "zh-CN"))
        {
            errors.Add(new("language", "must be en or zh-CN", "field.language"));
        }

        if (top is < 1 or > 20)
        {
            errors.Add(FieldProblems.Between("top", 1, 20));
        }

        if (errors.Count > 0)
        {
            return CommandResult<IReadOnlyList<ArticleHit>>.Invalid(errors);
        }

        return CommandResult<IReadOnlyList<ArticleHit>>.Ok(await FindAsync(q, lang, top, ct).ConfigureAwait(false));
    }

    /// <summary>The articles matching <paramref name="query"/>, best first (all languages when <paramref name="language"/> is null).</summary>
    public async Task<IReadOnlyList<ArticleHit>> FindAsync(string query, string? language, int top, CancellationToken ct)
    {
        var articles = await db.KnowledgeArticles.AsNoTracking().Where(a => language == null || a.Language == language).ToListAsync(ct).ConfigureAwait(false);
        var index = new Bm25Index();
        var byKey = new Dictionary<string, KnowledgeArticleRow>(StringComparer.Ordinal);
        foreach (var a in articles)
        {
            var key = a.Slug + "/" + a.Language;
            byKey[key] = a;
            index.Add(new KnowledgeArticle(key, a.Language, a.Title, a.Body));
        }

        return [.. index.Search(query, top).Select(h => (Article: byKey[h.Id], h.Score)).Select(x => new ArticleHit(x.Article.Slug, x.Article.Language, x.Article.Title, x.Article.Body, Math.Round(x.Score, 4)))];
    }

    public async Task<IReadOnlyList<ArticleHit>> ListAsync(string? language, CancellationToken ct) =>
        [.. (await db.KnowledgeArticles.AsNoTracking().Where(a => language == null || a.Language == language).OrderBy(a => a.Slug).ThenBy(a => a.Language).ToListAsync(ct).ConfigureAwait(false))
            .Select(a => new ArticleHit(a.Slug, a.Language, a.Title, a.Body, 0))];

    /// <summary>Stores the built-in articles that are missing (by slug and language).</summary>
    public static async Task<int> SeedAsync(AutoFinanceDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var present = (await db.KnowledgeArticles.AsNoTracking().Select(a => a.Slug + "/" + a.Language).ToListAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var (slug, language, title, body) in KnowledgeArticles.BuiltIn)
        {
            if (present.Add(slug + "/" + language))
            {
                db.KnowledgeArticles.Add(new KnowledgeArticleRow { Slug = slug, Language = language, Title = title, Body = body, UpdatedAt = now });
                added++;
            }
        }

        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return added;
    }
}
