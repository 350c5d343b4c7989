namespace Pipeline.Entities.Tagging;

/// <summary>
/// Reads CoNLL-2003 style files: one token per line (word first, NER tag last), a blank line after each sentence,
/// <c>-DOCSTART-</c> lines between documents. A file without <c>-DOCSTART-</c> is one document.
/// </summary>
public static class ConllReader
{
    private static readonly char[] Separators = [' ', '\t'];

    public static List<ConllDocument> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    public static List<ConllDocument> Read(TextReader reader)
    {
        var documents = new List<ConllDocument>();
        var sentences = new List<ConllSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                EndSentence();
                continue;
            }
            var columns = trimmed.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (columns[0] == "-DOCSTART-")
            {
                EndSentence();
                EndDocument();
                continue;
            }
            words.Add(columns[0]);
            tags.Add(columns.Length > 1 ? columns[^1] : "O");
        }
        EndSentence();
        EndDocument();
        return documents;

        void EndSentence()
        {
            if (words.Count > 0)
            {
                sentences.Add(new ConllSentence(words.ToArray(), tags.ToArray()));
                words.Clear();
                tags.Clear();
            }
        }

        void EndDocument()
        {
            if (sentences.Count > 0)
            {
                documents.Add(new ConllDocument(sentences.ToArray()));
                sentences.Clear();
            }
        }
    }
}
