using Pipeline.Extraction;
using Pipeline.Queries;
using Pipeline.Storage;
using Pipeline.Summaries;
using Pipeline.Text;

namespace Pipeline.Results;

/// <summary>A whole extraction in the API's shapes, for the command line and batch output.</summary>
public sealed record ExtractionReport(
    string Id, string Title, string? Published, string? Section, string? Source, string? Dateline,
    IReadOnlyList<SummarySentenceDto> Summary, IReadOnlyList<KeyPhraseDto> KeyPhrases, IReadOnlyList<EntityDto> Entities, IReadOnlyList<QuoteDto> Quotes)
{
    public static ExtractionReport From(ExtractionResult result, int summarySentences = Summaries.Summary.DefaultSentences)
    {
        var article = result.Article;
        var entities = new List<EntityDto>(result.Entities.Count);
        for (int i = 0; i < result.Entities.Count; i++)
        {
            entities.Add(result.Entities[i].ToRow(article.Id, "", i).ToDto());
        }
        var quotes = new List<QuoteDto>(result.Quotes.Count);
        for (int i = 0; i < result.Quotes.Count; i++)
        {
            quotes.Add(result.Quotes[i].ToRow(article.Id, "", i).ToDto() with { Text = result.Quotes[i].Text, TextTruncated = false });
        }
        var summary = Summaries.Summary.Take(result.Summary, summarySentences, s => s.Index)
            .ConvertAll(s => new SummarySentenceDto(s.Index, s.Rank, s.Span.Start, s.Span.End, s.Text));
        var m = article.Metadata;
        return new ExtractionReport(article.Id, m.Title, RowMapping.PublishedOrNull(RowMapping.FormatPublished(m.Published)), m.Section, m.Source, m.Dateline, summary,
            RowMapping.ToDtos(result.KeyPhrases), entities, quotes);
    }

    /// <summary>The same report with every offset counted in Unicode code points of <paramref name="text"/> instead of UTF-16 units.</summary>
    public ExtractionReport InCodePoints(string text)
    {
        var at = new CodePointOffsets(text);
        MentionDto Span(MentionDto m) => new(at[m.Start], at[m.End]);
        return this with
        {
            Summary = Summary.Select(s => s with { Start = at[s.Start], End = at[s.End] }).ToList(),
            Entities = Entities.Select(e => e with { Mentions = e.Mentions.Select(Span).ToList() }).ToList(),
            Quotes = Quotes.Select(q => q with
            {
                Start = at[q.Start],
                End = at[q.End],
                SpeakerMention = q.SpeakerMention is { } m ? Span(m) : null,
                Parts = q.Parts.Select(Span).ToList(),
            }).ToList(),
        };
    }
}
