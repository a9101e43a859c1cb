package io.flowforge.adapters.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.assistant.ReplyListener;
import io.flowforge.core.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Assembles one streamed answer from ConverseStream events: text deltas go to the listener as they
 * arrive, tool-use inputs are put together from their JSON fragments, and the stop reason and token usage
 * come from the closing events. Not thread-safe: the answering thread feeds it the events in order.
 */
final class StreamedAnswer implements ConverseStreamResponseHandler.Visitor {
  private final ReplyListener listener;
  private final SortedMap<Integer, StringBuilder> texts = new TreeMap<>();
  private final SortedMap<Integer, PendingTool> tools = new TreeMap<>();
  private StopReason stopReason;
  private TokenUsage usage;

  StreamedAnswer(ReplyListener listener) {
    this.listener = listener;
  }

  /** A tool use whose input is still arriving in pieces. */
  private record PendingTool(String toolUseId, String name, StringBuilder input) {}

  @Override
  public void visitContentBlockStart(ContentBlockStartEvent event) {
    if (event.start() != null && event.start().toolUse() != null) {
      tools.put(event.contentBlockIndex(),
          new PendingTool(event.start().toolUse().toolUseId(), event.start().toolUse().name(), new StringBuilder()));
    }
  }

  @Override
  public void visitContentBlockDelta(ContentBlockDeltaEvent event) {
    if (event.delta() == null) {
      return;
    }
    if (event.delta().text() != null) {
      StringBuilder block = texts.get(event.contentBlockIndex());
      if (block == null) {
        // Text blocks of one message read as lines, as the non-streaming answer joins them.
        if (!texts.isEmpty()) {
          listener.onText("\n");
        }
        block = new StringBuilder();
        texts.put(event.contentBlockIndex(), block);
      }
      block.append(event.delta().text());
      listener.onText(event.delta().text());
    } else if (event.delta().toolUse() != null) {
      PendingTool tool = tools.get(event.contentBlockIndex());
      if (tool != null && event.delta().toolUse().input() != null) {
        tool.input().append(event.delta().toolUse().input());
      }
    }
  }

  @Override
  public void visitMessageStop(MessageStopEvent event) {
    stopReason = event.stopReason();
  }

  @Override
  public void visitMetadata(ConverseStreamMetadataEvent event) {
    usage = event.usage();
  }

  /** Whether any text reached the listener: after that, a failed stream is not replayed. */
  boolean saidSomething() {
    return !texts.isEmpty();
  }

  /** Whether the stream ended with a stop reason (a stream cut short has none). */
  boolean stopped() {
    return stopReason != null;
  }

  StopReason stopReason() {
    return stopReason;
  }

  /** The token usage from the metadata event, or null when the stream sent none. */
  TokenUsage usage() {
    return usage;
  }

  /** The answer's text blocks joined by line breaks, as the listener heard them. */
  String text() {
    return String.join("\n", texts.values());
  }

  /**
   * The assistant's message as it goes back into the conversation: text and tool uses in their stream order.
   * A tool use whose input is not a JSON object is kept with an empty input (Bedrock needs the block to match
   * its result); {@link #malformedInputs()} says why its tool did not run.
   */
  Message message() {
    SortedMap<Integer, ContentBlock> blocks = new TreeMap<>();
    texts.forEach((index, text) -> blocks.put(index, ContentBlock.fromText(text.toString())));
    tools.forEach((index, tool) -> {
      JsonNode input = parse(tool.input().toString());
      blocks.put(index, ContentBlock.fromToolUse(ToolUseBlock.builder()
          .toolUseId(tool.toolUseId())
          .name(tool.name())
          .input(input == null ? Document.fromMap(Map.of()) : Documents.of(input))
          .build()));
    });
    return Message.builder().role(ConversationRole.ASSISTANT).content(new ArrayList<>(blocks.values())).build();
  }

  /** Tool use id → the raw input, for each tool use whose streamed input is not a JSON object. */
  Map<String, String> malformedInputs() {
    Map<String, String> malformed = new LinkedHashMap<>();
    for (PendingTool tool : tools.values()) {
      if (parse(tool.input().toString()) == null) {
        malformed.put(tool.toolUseId(), tool.input().toString());
      }
    }
    return malformed;
  }

  /** The input as a JSON object (an empty input is an empty object, as for a tool without parameters), or null. */
  private static JsonNode parse(String input) {
    if (input.isBlank()) {
      return Json.mapper().createObjectNode();
    }
    try {
      JsonNode node = Json.mapper().readTree(input);
      return node != null && node.isObject() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
