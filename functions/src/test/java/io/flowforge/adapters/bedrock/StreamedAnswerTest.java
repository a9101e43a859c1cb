package io.flowforge.adapters.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.assistant.ReplyListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;

/** Putting one streamed answer together from its ConverseStream events, fed as the SDK delivers them. */
class StreamedAnswerTest {
  private final List<String> heard = new ArrayList<>();
  private final StreamedAnswer answer = new StreamedAnswer(new ReplyListener() {
    @Override
    public void onText(String text) {
      heard.add(text);
    }
  });

  private void feed(ConverseStreamOutput... events) {
    for (ConverseStreamOutput event : events) {
      event.accept(answer);
    }
  }

  private static ConverseStreamOutput text(int index, String delta) {
    return ConverseStreamOutput.contentBlockDeltaBuilder().contentBlockIndex(index).delta(d -> d.text(delta)).build();
  }

  private static ConverseStreamOutput toolStart(int index, String id, String name) {
    return ConverseStreamOutput.contentBlockStartBuilder().contentBlockIndex(index)
        .start(s -> s.toolUse(t -> t.toolUseId(id).name(name))).build();
  }

  private static ConverseStreamOutput toolInput(int index, String fragment) {
    return ConverseStreamOutput.contentBlockDeltaBuilder().contentBlockIndex(index)
        .delta(d -> d.toolUse(t -> t.input(fragment))).build();
  }

  @Test
  void joinsTextBlocksByALineBreak_asTheListenerHearsThem_andKeepsTheStreamOrder() {
    feed(text(0, "First "), text(0, "block."), toolStart(1, "t-1", "list_patterns"), text(2, "Second block."),
        ConverseStreamOutput.messageStopBuilder().stopReason(StopReason.TOOL_USE).build(),
        ConverseStreamOutput.metadataBuilder().usage(u -> u.inputTokens(10).outputTokens(3).totalTokens(13)).build());

    assertEquals(List.of("First ", "block.", "\n", "Second block."), heard);
    assertEquals("First block.\nSecond block.", answer.text());
    assertEquals(String.join("", heard), answer.text());
    Message message = answer.message();
    List<ContentBlock> blocks = message.content();
    assertEquals("First block.", blocks.get(0).text());
    assertEquals("list_patterns", blocks.get(1).toolUse().name());
    assertTrue(blocks.get(1).toolUse().input().asMap().isEmpty(), "a tool without input gets an empty object");
    assertEquals("Second block.", blocks.get(2).text());
    assertEquals(Map.of(), answer.malformedInputs());
    assertEquals(StopReason.TOOL_USE, answer.stopReason());
    assertEquals(10, answer.usage().inputTokens());
    assertTrue(answer.saidSomething());
  }

  @Test
  void assemblesAToolInputFromItsFragments_andFlagsOneThatIsNotAJsonObject() {
    feed(toolStart(0, "t-1", "get_table_metadata"), toolInput(0, "{\"table_names\": [\"pro"), toolInput(0, "duct\"]}"),
        toolStart(1, "t-2", "get_table_metadata"), toolInput(1, "[\"product\"]"),
        toolStart(2, "t-3", "get_table_metadata"), toolInput(2, "{\"table_names\": "));

    List<ContentBlock> blocks = answer.message().content();
    assertEquals("product", blocks.get(0).toolUse().input().asMap().get("table_names").asList().get(0).asString());
    assertEquals(Map.of("t-2", "[\"product\"]", "t-3", "{\"table_names\": "), answer.malformedInputs());
    assertTrue(blocks.get(2).toolUse().input().asMap().isEmpty());
    assertFalse(answer.saidSomething());
    assertFalse(answer.stopped(), "no messageStop yet");
    assertNull(answer.usage());
  }
}
