namespace Pipeline.Quotes;

/// <summary>
/// Whether an attribution's content is the speaker's own words (a quote whose marks were lost) or reported speech,
/// decided once per attribution from its shape: which side of the cue the content is on and what joins them
/// (<c>…, she said.</c>, <c>said that …</c>, <c>said: …</c>), the person its words speak in, contractions, questions,
/// sentence edges and length. Scored as "verbatim" against a fixed "reported" alternative.
/// </summary>
internal static class VerbatimFeatures
{
    private const int Reported = 1, Where = 2, AfterCue = 3, BeforeCue = 4, Person = 5, Edges = 6, Length = 7, CueWord = 8,
        FirstWord = 9, Spoken = 10, WherePerson = 11, Voice = 12, ContentVoice = 13, CueClass = 14, FirstClass = 15, Labelled = 16;

    /// <summary>The keys of the "reported" alternative: one bias.</summary>
    public static void EmitReported(FeatureKeys keys)
    {
        keys.Clear();
        keys.Add(Reported, 0);
    }

    /// <param name="spans">The content spans as the content labels cut them; their verbatim or reported labels are evidence too.</param>
    public static void Emit(AttributionText x, ReadOnlySpan<(int Start, int End)> parts, int cueStart, int cueEnd, List<ContentSpan> spans, FeatureKeys keys)
    {
        keys.Clear();
        int labelled = 0, verbatim = 0;
        foreach (var (start, end) in parts)
        {
            for (int i = ContentSpans.FirstEndingAfter(spans, start); i < spans.Count && spans[i].Start < end; i++)
            {
                var span = spans[i];
                int shared = Math.Min(end, span.End) - Math.Max(start, span.Start);
                labelled += shared;
                verbatim += span.Verbatim ? shared : 0;
            }
        }
        int n = x.Count;
        int first = parts[0].Start, last = parts[^1].End;
        ulong where = cueEnd <= first ? 0UL : cueStart >= last ? 1UL : 2UL;
        keys.Add(Where, where);
        keys.Add(Labelled, where, labelled == 0 ? 0UL : verbatim == 0 ? 1UL : verbatim == labelled ? 4UL : 2 * verbatim < labelled ? 2UL : 3UL);
        keys.Add(AfterCue, where, cueEnd < n ? x.Lower[cueEnd] : AttributionText.Edge);
        keys.Add(BeforeCue, where, cueStart > 0 ? x.Lower[cueStart - 1] : AttributionText.Edge);
        keys.Add(CueWord, where, x.Lower[cueStart]);
        keys.Add(FirstWord, x.Lower[first]);
        keys.Add(CueClass, where, (ulong)(x.Class[cueStart] & (QuoteLexicon.Verb | WordClass.ObjectVerb | WordClass.Past | WordClass.Third | WordClass.Ing)));
        keys.Add(FirstClass, where, (ulong)x.Class[first] * 8 + x.Shape[first]);
        int firstPerson = 0, secondPerson = 0, spoken = 0, words = 0, present = 0, past = 0;
        foreach (var (start, end) in parts)
        {
            for (int t = start; t < end; t++)
            {
                var wordClass = x.Class[t];
                firstPerson += (wordClass & WordClass.FirstPerson) != 0 || (wordClass & WordClass.FirstOrSecondWord) != 0 && (wordClass & WordClass.SecondPerson) == 0 ? 1 : 0;
                secondPerson += (wordClass & WordClass.SecondPerson) != 0 ? 1 : 0;
                var word = x.Word(t);
                // Contractions, questions and exclamations are how people talk, rarely how reporters paraphrase.
                spoken += word is "?" or "!" || word.Length > 2 && word[0] is '\'' or '’' || word.EndsWith("n't") || word.EndsWith("n’t") ? 1 : 0;
                words += x.Shape[t] != 0 ? 1 : 0;
                present += (wordClass & WordClass.Present) != 0 ? 1 : 0;
                past += (wordClass & WordClass.PastTense) != 0 ? 1 : 0;
            }
        }
        ulong person = FeatureKeys.Few(firstPerson) * 3 + FeatureKeys.Few(secondPerson);
        keys.Add(Person, person);
        keys.Add(WherePerson, where, person);
        keys.Add(Spoken, FeatureKeys.Few(spoken));
        keys.Add(ContentVoice, where, FeatureKeys.Few(present) * 3 + FeatureKeys.Few(past));
        var document = x.Document;
        var firstSentence = document.Sentences[x.SentenceOf[first]];
        var lastSentence = document.Sentences[x.SentenceOf[last - 1]];
        ulong edges = (first <= firstSentence.FirstToken + 1 ? 1UL : 0) + (last >= lastSentence.EndToken - 1 ? 2UL : 0)
                      + 4 * FeatureKeys.Few(x.SentenceOf[last - 1] - x.SentenceOf[first]);
        keys.Add(Edges, where, edges);
        keys.Add(Length, FeatureKeys.Distance(words));
        keys.Add(Voice, where, (ulong)(x.SentenceFlags[x.SentenceOf[first]] & AttributionText.VoiceFlags));
    }
}
