using Moq;
using Pipeline.Entities;
using Pipeline.Evaluation.Entities;
using Pipeline.Text;

namespace Pipeline.Tests.Evaluation;

/// <summary>GUM-style recall on an invented document: only proper-noun people, organizations and places count, by overlap.</summary>
public sealed class GumNameRecallTests
{
    [Fact]
    public void Named_mentions_count_when_a_recognized_mention_overlaps_them()
    {
        // "the Halden Rowing Club" (organization, proper noun) overlaps the recognized "Halden Rowing Club";
        // "Ola Brekke" (person) is missed; "the club" (common noun) and "Friday" (time) never count.
        const string text = "On Friday the Halden Rowing Club hired Ola Brekke. The club said little.";
        var line = """{"text": "On Friday the Halden Rowing Club hired Ola Brekke. The club said little.", "mentions": [""" +
            """{"start": 3, "end": 9, "type": "time", "head_upos": "PROPN"},""" +
            """{"start": 10, "end": 32, "type": "organization", "head_upos": "PROPN"},""" +
            """{"start": 39, "end": 49, "type": "person", "head_upos": "PROPN"},""" +
            """{"start": 51, "end": 59, "type": "organization", "head_upos": "NOUN"}]}""";
        var path = Path.GetTempFileName();
        File.WriteAllText(path, line + "\n");
        int clubStart = text.IndexOf("Halden", StringComparison.Ordinal);
        var recognizer = new Mock<IEntityRecognizer>();
        recognizer.Setup(r => r.Recognize(It.IsAny<TextDocument>()))
            .Returns([new EntityMention(3, 3, clubStart, clubStart + "Halden Rowing Club".Length, EntityType.Organization)]);
        try
        {
            var report = GumNameRecall.Run(path, recognizer.Object);
            Assert.Contains("| organization | 1 | 1 | 1.000 |", report);
            Assert.Contains("| person | 1 | 0 | 0.000 |", report);
            Assert.Contains("| all | 2 | 1 | **0.500** |", report);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
