using Pipeline.Entities.Tagging;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// The learned stages of attribution for one kind of text (with quotation marks, or with every mark stripped): cue
/// detection, content labelling, linking content to its cue, telling a cue's further spans that go with its nearest one from words of their own, growing content by whole sentences, choosing the source, and
/// telling the speaker's own words from reported speech; and, for text that lost its paragraph breaks, where a break
/// falls between two sentences. Immutable.
/// </summary>
internal sealed class AttributionModel
{
    /// <summary>Key of the transition feature from <c>previous</c> (a <see cref="ContentLabels"/> value or Start).</summary>
    public static ulong TransitionKey(int previous) => FeatureHash.Key(99, (ulong)previous);

    /// <param name="cues">Both cue passes in one stage (<see cref="LinearModel.Concat(LinearModel, LinearModel)"/>), the first pass's labels first.</param>
    public AttributionModel(HashIndex cueWords, LinearModel cues, LinearModel content, LinearModel link, LinearModel source, LinearModel verbatim, LinearModel extension, LinearModel part,
        LinearModel breaks, bool lastLabels)
    {
        if (content.Labels != ContentLabels.CountFor(lastLabels))
        {
            throw new InvalidDataException($"The content stage has {content.Labels} labels; this build reads {ContentLabels.CountFor(lastLabels)}.");
        }
        if (cues.Labels != 2 * CueFeatures.Labels)
        {
            throw new InvalidDataException($"The cue stage has {cues.Labels} labels; this build reads {CueFeatures.Labels} for each of its two passes.");
        }
        CueWords = cueWords;
        LastLabels = lastLabels;
        Cues = cues;
        Content = content;
        Link = link;
        Source = source;
        Verbatim = verbatim;
        Extension = extension;
        Part = part;
        Breaks = breaks;
        SourceWeights = new SourceFeatures.SourceWeights(source);
        ContentDense = new DenseRows(content, ContentFeatures.DenseTemplates);
        CueTokenDense = new DenseRows(cues, CueFeatures.TokenDenseTemplates);
        CueSecondDense = new DenseRows(cues, CueFeatures.SecondDenseTemplates);
        // Rows of ContentLabels.Count, the start row last; a model with fewer labels leaves the rest of each row 0 and its
        // start row is keyed by its own label count, as the trainer keys it.
        const int L = ContentLabels.Count;
        int labels = content.Labels;
        Transitions = new int[(L + 1) * L];
        for (int previous = 0; previous <= labels; previous++)
        {
            int row = previous == labels ? ContentLabels.Start : previous;
            content.Row(TransitionKey(previous), Transitions.AsSpan(row * L, labels));
        }
    }

    /// <summary>Whether the content stage ends a content on its last label (the model for text with marks).</summary>
    public bool LastLabels { get; }

    /// <summary>Lower-cased word hashes that began a cue in training: tokens the cue stage scores besides the listed verbs.</summary>
    public HashIndex CueWords { get; }

    /// <summary>
    /// The cue stage's two passes in one table: the first pass's labels, then the second's, which also reads the first
    /// pass's labels of the sentence. Most keys are the token's own, which both passes read: one lookup serves both.
    /// </summary>
    public LinearModel Cues { get; }

    /// <summary>The two passes as separate stages, as the model file holds them (built on each call: for writing).</summary>
    public (LinearModel First, LinearModel Second) CueStages() =>
        (Cues.Slice(0, CueFeatures.Labels), Cues.Slice(CueFeatures.Labels, CueFeatures.Labels));

    public LinearModel Content { get; }

    public LinearModel Link { get; }

    public LinearModel Source { get; }

    /// <summary>The first cue pass's and then the second's weights of the token templates with few values, which both passes share.</summary>
    public DenseRows CueTokenDense { get; }

    /// <summary>The second cue pass's weights of its own templates with few values (in the second half of each row: the first pass has none).</summary>
    public DenseRows CueSecondDense { get; }

    /// <summary><see cref="Content"/>'s weights of the templates with few values.</summary>
    public DenseRows ContentDense { get; }

    /// <summary><see cref="Source"/>'s weights of the keys with few values, for <see cref="SourceFeatures.Score"/>.</summary>
    public SourceFeatures.SourceWeights SourceWeights { get; }

    /// <summary>Scores an attribution as the speaker's own words against <see cref="VerbatimFeatures.EmitReported"/>.</summary>
    public LinearModel Verbatim { get; }

    /// <summary>Scores a whole sentence next to a content as going on with it, against <see cref="ExtensionFeatures.EmitStop"/>.</summary>
    public LinearModel Extension { get; }

    /// <summary>Ranks what becomes of a further span linked to a cue (<see cref="PartChoice"/>): part of the attribution of the cue's nearest span, one of its own, or none.</summary>
    public LinearModel Part { get; }

    /// <summary>Scores a paragraph break between two sentences of text that lost its breaks (<see cref="BreakFeatures"/>, <see cref="NewsParagraphs"/>).</summary>
    public LinearModel Breaks { get; }

    /// <summary>Content label transitions, <c>[previous × Count + label]</c>, unpacked from <see cref="Content"/>.</summary>
    public int[] Transitions { get; }
}
