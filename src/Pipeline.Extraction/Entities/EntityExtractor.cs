using Pipeline.Text;

namespace Pipeline.Entities;

/// <summary>Recognizes names with the registered recognizer, adds dates by rule, and resolves canonical entities.</summary>
public sealed class EntityExtractor(IEntityRecognizer recognizer) : IEntityExtractor
{
    public EntityExtraction Extract(TextDocument document)
    {
        if (document.Tokens.Length == 0)
        {
            return EntityExtraction.Empty;
        }
        var names = recognizer.Recognize(document);
        var taken = new bool[document.Tokens.Length];
        foreach (var mention in names)
        {
            taken.AsSpan(mention.FirstToken, mention.TokenCount).Fill(true);
        }
        var all = new List<EntityMention>(names.Length + 8);
        all.AddRange(names);
        DateRecognizer.Recognize(document, taken, all);
        return EntityResolver.Resolve(document, [.. all]);
    }
}
