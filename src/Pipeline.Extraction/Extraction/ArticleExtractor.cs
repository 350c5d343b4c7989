using Pipeline.Articles;
using Pipeline.Entities;
using Pipeline.Quotes;
using Pipeline.Summaries;
using Pipeline.Text;

namespace Pipeline.Extraction;

/// <summary>Everything extracted from one article.</summary>
public sealed record ExtractionResult(
    Article Article,
    IReadOnlyList<CanonicalEntity> Entities,
    IReadOnlyList<Quote> Quotes,
    IReadOnlyList<SummarySentence> Summary,
    IReadOnlyList<KeyPhrase> KeyPhrases);

/// <summary>Runs the extraction stages over a parsed article: text analysis once, then entities, quotes and summary.</summary>
public sealed class ArticleExtractor(IEntityExtractor entities, IQuoteExtractor quotes, ISummarizer summarizer, KeyPhraseExtractor keyPhrases)
{
    /// <summary>
    /// Changes whenever extraction output changes (or how it is indexed), so stored results can tell which version made
    /// them and articles can be reprocessed when it moves on (<c>pipeline retry --outdated</c>). 8: entities and speakers
    /// indexed under their identities. 9: quotes found by the learned attribution model. 10: a cue that closes
    /// its sentence after a comma and its subject, with nothing labelled, takes the clause before the comma. 11: the
    /// words where a cue's source stands (a trailing subject of up to eight words, the phrase after <c>according to</c>)
    /// are no content; a source is chosen where a speaker can be read from it and described from its determiner. 12: the
    /// subject after a trailing verb of saying (<c>…, said the head of the agency</c>) is no content either, nor a subject
    /// the model took alone; a relative clause after a comma is no attribution; a description reads on to the noun it
    /// hangs on (<c>a spokeswoman for the central bank</c>); the date that closes a trailed clause stays in its content;
    /// a relative pronoun's speaker is the one it stands for (<c>Anna Reyes, who said</c>); a speaker chosen at its
    /// determiner is the subject it opens (<c>her father said</c>); <c>they</c> after a described source is that source;
    /// a name a described source hangs on is not who spoke (<c>a spokesman for Anna Reyes</c>); two source nouns joined by
    /// <c>and</c> share their description (<c>the family and friends</c>); someone a name's <c>'s</c> introduces is not the
    /// name (<c>Levi Pettit's parents</c>); the subject after a verb of saying that follows a quotation is its source when
    /// the model chose none (<c>…," said the 29-year-old.</c>); set phrases (<c>That said, …</c>) attribute nothing. 13:
    /// <c>he</c> or <c>she</c> is not resolved to a speaker the article tells is of the other gender (<c>Mr.</c>, or
    /// <c>She</c> opening the sentence after one naming only that person); <c>He said</c> opening a sentence after one
    /// about a single person is that person; a title and a comma before a name speak for the name (<c>said Olympic
    /// champion, Nicole Cooke</c>); a lone article, possessive or relative pronoun is no speaker's name. 14: in text
    /// with marks, a further content span linked to a cue is part of its nearest span's quote, a quote of its own, or
    /// nothing, as a learned stage reads it (narration and another speaker's words are no longer joined to a quote); a
    /// quote in marks is not grown by a whole sentence of narration after its closing mark. 15: in text with marks, a
    /// word may begin a cue when another form of it did in training (<c>endorsing</c> after <c>endorsed</c>), and so may a
    /// listed verb of stance (<c>believes</c>). 16: a quotation that goes on after its attribution's clause
    /// (<c>"A," said X, who wrote about it. "B."</c>) may belong to the cue before the clause's own cue; a quote whose
    /// words only stand for others (<c>denied it</c>, <c>asked him</c>) is not kept; in text with marks, content labels
    /// end a content on a last label (begin, inside, last). 17: a quotation in marks signed with a dash and a name
    /// (<c>"…" ― Sonya Herridge</c>, or a paragraph <c>- Bernie Sanders.</c> after it) is that person's. 18: text that
    /// lost its paragraph breaks (a paragraph of more sentences than news paragraphs hold) is read for quotes in
    /// paragraphs of news size, never broken inside a quotation: with marks a sentence each, without them where the
    /// quote model's learned break stage puts breaks (<c>NewsParagraphs</c>).
    /// </summary>
    public const string Version = "18";

    public ExtractionResult Extract(Article article)
    {
        var document = TextDocument.Analyze(article.Text, article.Paragraphs);
        var found = entities.Extract(document);
        var quoted = quotes.Extract(document, found);
        var summary = summarizer.Rank(document, article.Metadata, Summary.MaxSentences);
        var phrases = keyPhrases.Extract(document, article.Metadata);
        return new ExtractionResult(article, found.Entities, quoted, summary, phrases);
    }
}
