using AutoFinance.Application.Security;
using AutoFinance.Infrastructure.ServiceDesk;
using AutoFinance.Web.Auth;

namespace AutoFinance.Web.Api;

/// <summary>The self-service assistant (signed-in customers) and the knowledge base (anyone).</summary>
public static class AssistantEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/assistant", (HttpContext http, AssistantService assistant, CancellationToken ct) =>
                BodyHandler.WithBodyAsync(http, new AssistantService.AskInput(null, null), async input =>
                    Problems.From(await assistant.AskAsync(http.User.ToActor(), input, ct).ConfigureAwait(false), Results.Ok, "answer"), ct))
            .WithTags("Self-service")
            .RequireAuthorization(p => p.RequireRole(Roles.Customer))
            .WithSummary("Ask a question (language en or zh-CN): answered from your own loan's figures, or handed over to an agent with a case opened (caseId)")
            .Accepts<AssistantService.AskInput>("application/json").Produces<AssistantService.AssistantReply>().ProducesValidationProblem();
        routes.MapGet("/api/v1/knowledge", async (string? q, string? language, int? top, KnowledgeBase knowledge, CancellationToken ct) =>
                q is null && top is null
                    ? Results.Ok(await knowledge.ListAsync(language is "en" or "zh-CN" ? language : null, ct).ConfigureAwait(false))
                    : Problems.From(await knowledge.SearchAsync(q, language, top ?? 5, ct).ConfigureAwait(false), Results.Ok, "article"))
            .WithTags("Self-service")
            .AllowAnonymous()
            .WithSummary("Search the help articles (q=, language=en|zh-CN, top=); without q, every article")
            .Produces<IReadOnlyList<KnowledgeBase.ArticleHit>>().ProducesValidationProblem();
    }
}
