namespace Pipeline.Quotes;

/// <summary>One thread's working memory.</summary>
internal sealed partial class AttributionTagger
{
    /// <summary>One thread's working memory.</summary>
    internal sealed class Scratch
    {
        public readonly AttributionText Text = new();
        public readonly CueContext Cues = new();
        public readonly FeatureKeys Keys = new();
        public readonly List<ContentSpan> Spans = [];
        public readonly List<ContentSpan> KeptSpans = [];
        public bool[] Retag = [];
        public readonly List<int> Linked = [];

        /// <summary>The spans linked to one cue, in text order.</summary>
        public readonly List<int> CueSpans = [];

        /// <summary>What becomes of each of <see cref="CueSpans"/>.</summary>
        public readonly List<PartChoice> Choices = [];
        public readonly List<int> ByCue = [];

        /// <summary>Cues (by first token) that close their sentence with nothing linked: the clause before them becomes their content.</summary>
        public readonly List<int> Completions = [];
        public readonly List<int> CueCandidates = [];
        public readonly List<SourceCandidate> SourceCandidates = [];
        public byte[] CueLabels = [];
        public byte[] FirstPass = [];
        public int[] CueMargins = [];
        public int[] Owner = [];
        public byte[] ContentLabels = [];
        public byte[] BackPointers = [];

        /// <summary>The keys of many tokens one after another (a paragraph's content, or the cue candidates'), and where each token's start.</summary>
        public readonly FeatureKeys TokenKeys = new();
        public readonly List<int> TokenStarts = [];

        /// <summary>The second cue pass's own keys of each candidate, and where each candidate's start.</summary>
        public readonly FeatureKeys SecondKeys = new();
        public readonly List<int> SecondStarts = [];

        /// <summary>
        /// Tokens that may begin a cue, in text order; per token its index among them or -1; their scores before the previous
        /// label's keys, both passes' (<see cref="AttributionModel.Cues"/>: the first pass's labels, then the second's).
        /// </summary>
        public readonly List<int> Candidates = [];
        public int[] CandidateOf = [];
        public int[] CandidateScores = [];

        /// <summary>Per candidate, the dense weights of its token keys (<see cref="AttributionModel.CueTokenDense"/>): the first pass's labels, then the second's.</summary>
        public readonly List<int> TokenDense = [];

        /// <summary>Per token, its content emissions (<see cref="ContentLabels.Count"/> scores), kept for tagging again.</summary>
        public int[] TokenEmissions = [];

        public readonly ContentCueRows ContentCueRows = new();

        /// <summary>Per token, whether its content features change when the dropped cues go (<see cref="MarkAffected"/>).</summary>
        public bool[] Affected = [];

        /// <summary>Per cue, whether it was dropped for having no content; per sentence, whether it held a dropped cue.</summary>
        public bool[] Dropped = [];
        public bool[] DroppedSentence = [];

        /// <summary>The paragraph's tokens whose emissions are computed in this tagging.</summary>
        public readonly List<int> Computed = [];

        /// <summary>Per cue, its first and last linked content span; per span, the next of the same cue (<see cref="LinkedSpans"/>).</summary>
        public int[] FirstSpan = [];
        public int[] LastSpan = [];
        public int[] NextSpan = [];

        /// <summary>Per token, the source stage's score of its own keys, once computed.</summary>
        public int[] SourceTokenScores = [];

        /// <summary>Where <see cref="LinearModel.Touch"/>'s reads go, so they are not optimized away.</summary>
        public ulong Sink;

        public void EnsureCandidates(int candidates)
        {
            if (CandidateScores.Length < candidates * 2 * CueFeatures.Labels)
            {
                CandidateScores = new int[Math.Max(candidates * 2 * CueFeatures.Labels, CandidateScores.Length * 2)];
            }
        }

        public void Ensure(int tokens, int paragraphs, int sentences)
        {
            if (DroppedSentence.Length < sentences)
            {
                DroppedSentence = new bool[Math.Max(sentences, DroppedSentence.Length * 2)];
            }
            if (Retag.Length < paragraphs)
            {
                Retag = new bool[Math.Max(paragraphs, Retag.Length * 2)];
            }
            if (CueLabels.Length < tokens)
            {
                CueLabels = new byte[Math.Max(tokens, CueLabels.Length * 2)];
                FirstPass = new byte[CueLabels.Length];
                CueMargins = new int[CueLabels.Length];
                Owner = new int[CueLabels.Length];
                CandidateOf = new int[CueLabels.Length];
                SourceTokenScores = new int[CueLabels.Length];
                Affected = new bool[CueLabels.Length];
                Dropped = new bool[CueLabels.Length];
                FirstSpan = new int[CueLabels.Length];
                LastSpan = new int[CueLabels.Length];
                NextSpan = new int[CueLabels.Length];
            }
        }

        public void EnsureParagraph(int tokens)
        {
            if (ContentLabels.Length < tokens)
            {
                int size = Math.Max(tokens, ContentLabels.Length * 2);
                ContentLabels = new byte[size];
                BackPointers = new byte[size * Quotes.ContentLabels.Count];
            }
        }
    }
}
