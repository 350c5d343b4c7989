using Pipeline.Results;
using Pipeline.Extraction;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>An extraction as a reader wants it on a terminal: metadata, summary, key phrases, entities by type, quotes.</summary>
internal static class ExtractionView
{
    public static void Write(ExtractionReport report)
    {
        AnsiConsole.Write(new Rule(Markup.Escape(report.Title)).LeftJustified());
        var facts = string.Join(" · ", new[] { report.Published, report.Section, report.Dateline, report.Source }.Where(f => !string.IsNullOrEmpty(f)));
        if (facts.Length > 0)
        {
            AnsiConsole.MarkupLine($"[grey]{Markup.Escape(facts)}[/]");
        }

        AnsiConsole.MarkupLine("\n[bold]Summary[/]");
        foreach (var sentence in report.Summary)
        {
            AnsiConsole.MarkupLine("• " + Markup.Escape(sentence.Text));
        }
        if (report.KeyPhrases.Count > 0)
        {
            AnsiConsole.MarkupLine("\n[bold]Key phrases[/]: " + Markup.Escape(string.Join(", ", report.KeyPhrases.Select(p => p.Text))));
        }

        var entities = new Table().Title("Entities").AddColumns("type", "name", "mentions", "salience");
        foreach (var group in report.Entities.GroupBy(e => e.Type).OrderBy(g => g.Key))
        {
            foreach (var entity in group)
            {
                entities.AddRow(group.Key, Markup.Escape(entity.Name), entity.MentionCount.ToString(), entity.Salience.ToString("F3"));
            }
        }
        AnsiConsole.Write(entities);

        var quotes = new Table().Title("Quotes").AddColumns("speaker", "type", "quote").Expand();
        foreach (var quote in report.Quotes)
        {
            quotes.AddRow(Markup.Escape(quote.Speaker ?? "(unknown)"), quote.Type, Markup.Escape(quote.Text));
        }
        AnsiConsole.Write(quotes);
    }
}
