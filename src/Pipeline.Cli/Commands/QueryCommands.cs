using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Queries;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline articles | entities | quotes</c>: the API's queries from the command line (run against storage with the
/// same query code), as readable tables or <c>--json</c> for scripts.
/// </summary>
internal static class QueryCommands
{
    private static readonly Option<bool> Json = new("--json") { Description = "Print the page as JSON (the API's shape) instead of a table." };
    private static readonly Option<string?> Top = new("--top") { Description = "Items per page (1-1000, default 50)." };
    private static readonly Option<string?> Token = new("--continuation-token") { Description = "Continue from the token a previous page printed." };

    public static IEnumerable<Command> Create() => [Articles(), Entities(), Quotes()];

    private static Command Articles()
    {
        var status = new Option<string?>("--status") { Description = "Only articles with this status: " + QueryParameters.Statuses + "." };
        var search = new Option<string?>("--search") { Description = "Words the title contains." };
        var section = new Option<string?>("--section") { Description = "Only this section." };
        var command = new Command("articles", "List articles with their status.") { status, search, section, Top, Token, Json, CliServices.Connection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliServices.Build(parse);
            var page = await services.GetRequiredService<IArticleQueries>().ListAsync(
                new ArticleListQuery(parse.GetValue(Top), parse.GetValue(Token), parse.GetValue(status), parse.GetValue(section), Search: parse.GetValue(search)), cancellationToken);
            return Print(parse, page, (IReadOnlyList<ArticleListItem> items) =>
            {
                var table = new Table().AddColumns("id", "title", "published", "status", "entities", "quotes");
                foreach (var a in items)
                {
                    table.AddRow(Markup.Escape(a.Id), Markup.Escape(a.Title ?? ""), a.Published ?? "",
                        a.Status == "failed" ? $"[red]failed[/]: {Markup.Escape(a.Error ?? "")}" : a.Status, a.EntityCount.ToString(), a.QuoteCount.ToString());
                }
                return table;
            });
        });
        return command;
    }

    private static Command Entities()
    {
        var type = new Option<string?>("--type") { Description = "One of " + QueryParameters.EntityTypes + "." };
        var prefix = new Option<string?>("--prefix") { Description = "Names starting with this." };
        var command = new Command("entities", "List canonical entities across articles, with how many articles mention each.") { type, prefix, Top, Token, Json, CliServices.Connection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliServices.Build(parse);
            var page = await services.GetRequiredService<IIndexQueries>().ListEntitiesAsync(parse.GetValue(type), parse.GetValue(prefix), parse.GetValue(Top), parse.GetValue(Token), cancellationToken);
            return Print(parse, page, (IReadOnlyList<CatalogEntityDto> items) =>
            {
                var table = new Table().AddColumns("name", "type", "articles", "key", "also written as");
                foreach (var e in items)
                {
                    table.AddRow(Markup.Escape(e.Name), e.Type, e.ArticleCount.ToString(), Markup.Escape(e.Key),
                        Markup.Escape(string.Join(", ", (e.Variants ?? []).Select(v => v.Name))));
                }
                return table;
            });
        });
        return command;
    }

    private static Command Quotes()
    {
        var speaker = new Option<string>("--speaker") { Description = "The speaker's name, e.g. \"Jake Sullivan\".", Required = true };
        var command = new Command("quotes", "List quotes by one speaker across articles.") { speaker, Top, Token, Json, CliServices.Connection };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliServices.Build(parse);
            var page = await services.GetRequiredService<IIndexQueries>().ListSpeakerQuotesAsync(parse.GetValue(speaker), parse.GetValue(Top), parse.GetValue(Token), cancellationToken);
            return Print(parse, page, (IReadOnlyList<SpeakerQuoteDto> items) =>
            {
                var table = new Table().AddColumns("article", "type", "quote").Expand();
                foreach (var q in items)
                {
                    table.AddRow(Markup.Escape(q.ArticleTitle ?? q.ArticleId), q.Quote.Type, Markup.Escape(q.Quote.Text));
                }
                return table;
            });
        });
        return command;
    }

    private static int Print<TPage, T>(ParseResult parse, QueryResult<TPage> result, Func<IReadOnlyList<T>, Table> table)
        where TPage : IPage<T>
    {
        if (result.Problem is { } problem)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{problem.Title}:[/] {problem.Detail}");
            return problem.Status == 404 ? 3 : 2;
        }
        var page = result.Value!;
        if (parse.GetValue(Json))
        {
            Console.WriteLine(JsonSerializer.Serialize(page, ExtractCommand.Json));
            return 0;
        }
        if (page is IdentityPage<T> { Identity.Variants.Count: > 1 } identity)
        {
            AnsiConsole.MarkupLineInterpolated($"{identity.Identity.Name}, also written as {string.Join(", ", identity.Identity.Variants.Skip(1).Select(v => v.Name))}");
        }
        AnsiConsole.Write(table(page.Items));
        if (page.ContinuationToken is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"More: add --continuation-token {page.ContinuationToken}");
        }
        return 0;
    }
}
