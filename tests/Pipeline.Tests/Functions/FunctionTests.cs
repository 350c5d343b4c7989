using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Moq;
using Pipeline.Functions;
using Pipeline.Functions.Http;
using Pipeline.Processing;
using Pipeline.Queries;

namespace Pipeline.Tests.Functions;

/// <summary>The function classes only bind, call one service and map its result.</summary>
public sealed class FunctionTests
{
    private static HttpRequest Request(string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    [Fact]
    public void Host_json_sets_the_blob_concurrency_the_local_host_uses()
    {
        // The Functions host reads host.json; the local host uses the constant. They must say the same.
        using var hostJson = System.Text.Json.JsonDocument.Parse(File.ReadAllText(
            Path.Combine(Infrastructure.Repository.Root, "src", "Pipeline.Functions", "host.json")));
        int configured = hostJson.RootElement.GetProperty("extensions").GetProperty("blobs").GetProperty("maxDegreeOfParallelism").GetInt32();
        Assert.Equal(ProcessArticle.MaxConcurrency, configured);
    }

    [Fact]
    public async Task A_found_article_is_200_with_the_article()
    {
        var detail = new ArticleDetail("a.txt", "a.txt", "T", null, null, null, null, null, "succeeded", null, 1, null, null, 0, "1",
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, 0, 0, [], [], [], []);
        var queries = new Mock<IArticleQueries>();
        queries.Setup(q => q.GetAsync("a.txt", It.IsAny<CancellationToken>())).ReturnsAsync(detail);

        var result = await new ArticleFunctions(queries.Object).GetArticle(Request(), "a.txt", CancellationToken.None);

        var ok = Assert.IsType<OkObjectResult>(result);
        Assert.Same(detail, ok.Value);
    }

    [Fact]
    public async Task A_problem_becomes_problem_json_with_its_status()
    {
        var queries = new Mock<IArticleQueries>();
        queries.Setup(q => q.ListAsync(new ArticleListQuery("0", null, null, null, null, null, null), It.IsAny<CancellationToken>())).ReturnsAsync(QueryProblem.BadRequest("top"));

        var result = await new ArticleFunctions(queries.Object).ListArticles(Request("?top=0"), CancellationToken.None);

        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Equal(400, problem.StatusCode);
        Assert.Contains("application/problem+json", problem.ContentTypes);
        Assert.Equal("top", Assert.IsType<ProblemDetails>(problem.Value).Detail);
    }

    [Fact]
    public async Task Query_parameters_reach_the_service_as_sent()
    {
        var queries = new Mock<IIndexQueries>();
        queries.Setup(q => q.ListSpeakerQuotesAsync("Jake Sullivan", "5", "tok", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new IdentityPage<SpeakerQuoteDto>(new IdentityDto("person:jake-sullivan", "Jake Sullivan", "Person", []), [], null)).Verifiable();

        await new IndexFunctions(queries.Object).ListQuotes(Request("?speaker=Jake%20Sullivan&top=5&continuationToken=tok"), CancellationToken.None);

        queries.Verify();
    }

    [Fact]
    public async Task The_blob_trigger_hands_the_blob_and_cancellation_to_the_processor()
    {
        var blob = new Mock<BlobClient>().Object;
        using var cancellation = new CancellationTokenSource();
        var processor = new Mock<IArticleProcessor>();
        processor.Setup(p => p.ProcessAsync(blob, cancellation.Token)).ReturnsAsync(ProcessingOutcome.Succeeded).Verifiable();

        await new ProcessArticle(processor.Object).Run(blob, cancellation.Token);

        processor.Verify();
    }
}
