using Pipeline.Text;

namespace Pipeline.Tests.Text;

public sealed class TermIdsTests
{
    [Fact]
    public void Each_word_gets_the_id_of_its_stem_and_punctuation_none()
    {
        var document = TextDocument.Analyze("The U.S. and us: running, runs; Runner 2024 ...");
        var ids = document.TermIds.ToArray();
        Assert.Equal(document.Tokens.Length, ids.Length);
        string[] words = document.Tokens.Select(t => document[t].ToString()).ToArray();
        int Id(string word) => ids[Array.IndexOf(words, word)];

        Assert.Equal(Id("U.S."), Id("us")); // letters and digits only, lower case
        Assert.Equal(Id("running"), Id("runs")); // one stem
        Assert.NotEqual(Id("running"), Id("Runner"));
        Assert.True(Id("2024") >= 0);
        Assert.Equal(-1, Id(":"));
        Assert.Equal(-1, Id("..."));
        Assert.Equal(TermVocabulary.IdOfSurface("Runner"), Id("Runner"));
        Assert.True(document.TermIds == document.TermIds); // looked up once, then the same array
    }

    [Fact]
    public void A_word_keeps_its_id_after_the_threads_recent_words_were_emptied()
    {
        int running = TermVocabulary.IdOfSurface("Running");
        int us = TermVocabulary.IdOfSurface("U.S.");
        // More new words than the thread's table of recent ones holds, so it is emptied at least once.
        for (int i = 0; i < 40_000; i++)
        {
            Assert.True(TermVocabulary.IdOfSurface($"recent{i}word") >= 0);
        }
        Assert.Equal(running, TermVocabulary.IdOfSurface("running"));
        Assert.Equal(running, TermVocabulary.IdOfSurface("runs"));
        Assert.Equal(us, TermVocabulary.IdOfSurface("us"));
        Assert.NotEqual(TermVocabulary.IdOfSurface("recent1word"), TermVocabulary.IdOfSurface("recent2word"));
        Assert.Equal(TermVocabulary.IdOfSurface("recent39999word"), TermVocabulary.IdOfSurface("RECENT39999WORD"));
    }

    [Fact]
    public void Every_character_is_read_as_char_IsLetterOrDigit_and_ToLowerInvariant_read_it()
    {
        // The ASCII characters take a path without those calls; they, and a few others, must come out the same.
        var characters = Enumerable.Range(0, 128).Select(c => (char)c).Concat("ÉéßİıΣσ١٢€’—").ToArray();
        foreach (char c in characters)
        {
            string surface = $"x{c}y";
            string expected = new(surface.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
            Assert.True(TermVocabulary.Id(expected) == TermVocabulary.IdOfSurface(surface), $"U+{(int)c:X4}");
        }
    }
}
