using Pipeline.Text;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// How often a word is capitalized in the middle of a sentence in unlabelled news text. A capital at a sentence start
/// or in an ALL-CAPS headline says nothing; this lexicon says whether the word is a name there ("Still", "JAPAN").
/// Only the lower-case hash and a bucket are kept, never the text.
/// </summary>
internal sealed class CaseProfile
{
    public const int MinimumCount = 2;

    public CaseProfile(HashIndex buckets)
    {
        Buckets = buckets;
    }

    public static CaseProfile Empty { get; } = new(new HashIndex(0));

    /// <summary>Lower-case word hash → bucket 1 (always lower) .. 5 (always capitalized); absent = 0, unseen.</summary>
    public HashIndex Buckets { get; }

    public int Bucket(ulong lower) => Buckets.Get(lower, 0);

    /// <summary>Counts capitalized versus lower-case mid-sentence uses.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<ulong, (int Lower, int Capital)> _counts = new();

        public int Documents { get; private set; }

        public void Add(TextDocument document)
        {
            Documents++;
            var caps = new List<CapState>();
            foreach (var sentence in document.Sentences)
            {
                caps.Clear();
                for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
                {
                    caps.Add(WordShape.Capitalization(document[document.Tokens[t]]));
                }
                if (WordShape.Classify(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(caps)) is SentenceCase.AllCaps or SentenceCase.TitleCase)
                {
                    continue;
                }
                for (int t = sentence.FirstToken + 1; t < sentence.EndToken; t++)
                {
                    var cap = caps[t - sentence.FirstToken];
                    if (cap is not (CapState.Lower or CapState.InitialCap)
                        || !WordShape.IsMidSentenceAfter(document[document.Tokens[t - 1]], document.Tokens[t - 1].Kind))
                    {
                        continue;
                    }
                    ulong key = FeatureHash.LowerChars(document[document.Tokens[t]]);
                    var entry = _counts.GetValueOrDefault(key);
                    _counts[key] = cap == CapState.Lower ? (entry.Lower + 1, entry.Capital) : (entry.Lower, entry.Capital + 1);
                }
            }
        }

        public CaseProfile Build()
        {
            int kept = 0;
            foreach (var entry in _counts.Values)
            {
                if (entry.Lower + entry.Capital >= MinimumCount)
                {
                    kept++;
                }
            }
            var index = new HashIndex(kept);
            foreach (var (key, entry) in _counts)
            {
                int total = entry.Lower + entry.Capital;
                if (total < MinimumCount)
                {
                    continue;
                }
                double capital = (double)entry.Capital / total;
                int bucket = capital < 0.02 ? 1 : capital < 0.3 ? 2 : capital < 0.7 ? 3 : capital < 0.98 ? 4 : 5;
                index.Set(key, bucket);
            }
            return new CaseProfile(index);
        }
    }
}
