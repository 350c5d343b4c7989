using Pipeline.Entities;
using Pipeline.Entities.Tagging;

namespace Pipeline.Tests.Entities.Tagging;

public class CorpusTests
{
    [Fact]
    public void Iob1_I_after_O_starts_an_entity_and_B_splits_two_of_the_same_type()
    {
        var spans = new List<EntitySpan>();
        IobCodec.ReadSpans(["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG", "I-ORG"], spans);
        Assert.Equal(
            [new(0, 2, EntityType.Person), new(2, 1, EntityType.Person), new(4, 1, EntityType.Location), new(5, 2, EntityType.Organization)],
            spans);
    }

    [Fact]
    public void Iob2_input_reads_the_same_spans()
    {
        var spans = new List<EntitySpan>();
        IobCodec.ReadSpans(["B-PER", "I-PER", "B-PER", "O", "B-MISC", "I-MISC"], spans);
        Assert.Equal([new(0, 2, EntityType.Person), new(2, 1, EntityType.Person), new(4, 2, EntityType.Misc)], spans);
    }

    [Fact]
    public void Writing_iob1_marks_B_only_between_adjacent_entities_of_one_type()
    {
        EntitySpan[] spans = [new(0, 2, EntityType.Person), new(2, 1, EntityType.Person), new(3, 1, EntityType.Location)];
        Assert.Equal(["I-PER", "I-PER", "B-PER", "I-LOC", "O"], IobCodec.WriteIob1(spans, 5));
    }

    [Fact]
    public void Bilou_encoding_round_trips_and_decoding_tolerates_invalid_sequences()
    {
        EntitySpan[] spans = [new(0, 1, EntityType.Person), new(1, 3, EntityType.Organization), new(5, 2, EntityType.Misc)];
        var labels = new byte[8];
        BilouLabels.Encode(spans, labels);
        var decoded = new List<EntitySpan>();
        BilouLabels.Decode(labels, 0, decoded);
        Assert.Equal(spans, decoded);

        decoded.Clear();
        byte inside = BilouLabels.Label(EntityType.Location, BilouPosition.Inside);
        BilouLabels.Decode([inside, inside, BilouLabels.Outside, 200], 10, decoded);
        Assert.Equal([new EntitySpan(10, 2, EntityType.Location)], decoded);
    }

    [Fact]
    public void Reader_splits_documents_on_docstart_and_sentences_on_blank_lines()
    {
        var text = "-DOCSTART- -X- -X- O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nBonn NNP I-NP I-LOC\n";
        var documents = ConllReader.Read(new StringReader(text));
        Assert.Equal(2, documents.Count);
        Assert.Equal(2, documents[0].Sentences.Count);
        Assert.Equal(3, documents[0].TokenCount);
        Assert.Equal([new EntitySpan(0, 1, EntityType.Organization), new EntitySpan(2, 1, EntityType.Person)], documents[0].DocumentEntities());

        var document = documents[0].ToTextDocument();
        Assert.Equal("EU rejects\nPeter", document.Text);
        Assert.Equal(2, document.Sentences.Length);
        Assert.Equal("Peter", document[document.Tokens[2]].ToString());
    }
}
