using AutoFinance.Insight.Knowledge;

namespace AutoFinance.Insight.Tests.Knowledge;

public sealed class Bm25Tests
{
    [Fact]
    public void English_words_and_Chinese_bigrams()
    {
        Assert.Equal(["提前", "前还", "还款"], TextTokenizer.Default.Tokenize("提前还款"));
        Assert.Equal(["app", "提前", "前还", "还款", "2026"], TextTokenizer.Default.Tokenize("ＡＰＰ提前还款2026"));
        Assert.Equal(["how", "prepay", "loan", "早"], TextTokenizer.Default.Tokenize("How to PREPAY my loan? 早"));
    }

    [Fact]
    public void Ranking_on_a_tiny_corpus_matches_hand_computation()
    {
        var index = new Bm25Index(new TextTokenizer(new HashSet<string>()));
        index.Add("d1", "prepay loan early");
        index.Add("d2", "loan balance");
        index.Add("d3", "prepay prepay fee");
        // N = 3, n(prepay) = 2: IDF = ln(1 + 1.5/2.5) = ln 1.6; avgdl = 8/3.
        // d1: tf 1, |D| 3: 1.2 × (0.25 + 0.75 × 3/(8/3)) = 1.3125 → IDF × 2.2 / 2.3125.
        // d3: tf 2, |D| 3 → IDF × 4.4 / 3.3125. d2 does not hold the term.
        var idf = Math.Log(1.6);
        var hits = index.Search("prepay");
        Assert.Equal(["d3", "d1"], hits.Select(h => h.Id));
        Assert.Equal(idf * 4.4 / 3.3125, hits[0].Score, 12);
        Assert.Equal(idf * 2.2 / 2.3125, hits[1].Score, 12);
    }

    [Fact]
    public void Rarer_terms_weigh_more()
    {
        var index = new Bm25Index(new TextTokenizer(new HashSet<string>()));
        index.Add("a", "loan fee");
        index.Add("b", "loan insurance");
        index.Add("c", "loan balance");
        var hits = index.Search("loan insurance");
        Assert.Equal("b", hits[0].Id);
        Assert.True(index.Idf("insurance") > index.Idf("loan"));
    }

    [Fact]
    public void Chinese_articles_are_found_by_their_words()
    {
        var index = new Bm25Index();
        index.Add(new KnowledgeArticle("kb-prepay", "zh-CN", "如何提前还款", "在App中选择提前还款，可全部结清或部分还款，提前还款手续费按合同约定。"));
        index.Add(new KnowledgeArticle("kb-due-date", "zh-CN", "还款日变更", "每期还款日为合同约定日期，如需变更请联系客服。"));
        index.Add(new KnowledgeArticle("kb-insurance", "en", "Renewing insurance", "Your vehicle insurance can be renewed in the app."));
        var hits = index.Search("提前还款手续费");
        Assert.Equal("kb-prepay", hits[0].Id);
        Assert.True(hits.Count == 1 || hits[0].Score > hits[1].Score);
        Assert.Equal("kb-insurance", index.Search("renew insurance").First().Id);
        Assert.Empty(index.Search("weather"));
    }
}
