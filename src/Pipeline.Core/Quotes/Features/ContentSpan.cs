namespace Pipeline.Quotes;

/// <summary>A run of content tokens <c>[Start, End)</c> the content labels marked, verbatim or reported.</summary>
internal readonly record struct ContentSpan(int Start, int End, bool Verbatim);
