package io.flowforge.adapters.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.assistant.Architect;
import io.flowforge.assistant.AssistantReply;
import io.flowforge.assistant.ConversationState;
import io.flowforge.assistant.ModelRequest;
import io.flowforge.assistant.OfflineArchitect;
import io.flowforge.assistant.PiiScrubber;
import io.flowforge.assistant.PriceTable;
import io.flowforge.assistant.ReplyListener;
import io.flowforge.assistant.Suggestions;
import io.flowforge.assistant.SystemPrompt;
import io.flowforge.assistant.ToolContext;
import io.flowforge.assistant.ToolDefinition;
import io.flowforge.assistant.ToolOutcome;
import io.flowforge.assistant.ToolRegistry;
import io.flowforge.assistant.Usage;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Claude on Bedrock as the architect: a Converse agent loop over the tool registry with a bounded number of
 * tool rounds. Any failure (throttling after the capped retries, a timeout, an error, too many rounds)
 * falls back to the offline architect, and the answer says so.
 */
public final class BedrockArchitect implements Architect {
  private final BedrockRuntimeClient client;
  private final BedrockSettings settings;
  private final ToolRegistry registry;
  private final Architect fallback;
  private final SystemPrompt prompt;
  private final PriceTable prices;
  private final ToolConfiguration toolConfig;

  public BedrockArchitect(BedrockRuntimeClient client, BedrockSettings settings, ToolRegistry registry) {
    this(client, settings, registry, new OfflineArchitect(registry), SystemPrompt.standard(), PriceTable.standard());
  }

  BedrockArchitect(
      BedrockRuntimeClient client,
      BedrockSettings settings,
      ToolRegistry registry,
      Architect fallback,
      SystemPrompt prompt,
      PriceTable prices) {
    if (!prices.knows(settings.modelId())) {
      throw new IllegalArgumentException(
          "No price for Bedrock model " + settings.modelId() + ": add it to assistant/prices.json so cost can be recorded");
    }
    this.client = client;
    this.settings = settings;
    this.registry = registry;
    this.fallback = fallback;
    this.prompt = prompt;
    this.prices = prices;
    this.toolConfig = toolConfiguration(registry.definitions());
  }

  @Override
  public AssistantReply reply(ToolContext context, ConversationState state, String message, ReplyListener listener) {
    Exchange exchange = new Exchange(listener);
    try {
      return converse(context, state, message, exchange);
    } catch (SdkException | TooManyRounds e) {
      String notice = "Claude on Bedrock could not answer (" + reason(e) + "), so the offline architect answered instead.";
      listener.onText(notice + "\n\n");
      AssistantReply offline = fallback.reply(context, state, message, listener);
      AssistantReply withUsage =
          new AssistantReply(offline.text(), offline.suggestion(), offline.toolCalls(), offline.state(),
              offline.answeredBy(), exchange.usage, null);
      return withUsage.withNotice(notice);
    }
  }

  private AssistantReply converse(ToolContext context, ConversationState state, String message, Exchange exchange) {
    SystemContentBlock system = SystemContentBlock.fromText(prompt.render(context.catalog(), state));
    List<Message> messages = new ArrayList<>();
    messages.add(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(message)).build());
    for (int round = 0; ; round++) {
      ConverseResponse response =
          client.converse(
              b -> {
                b.modelId(settings.modelId())
                    .system(system)
                    .messages(messages)
                    .inferenceConfig(i -> i.maxTokens(settings.maxTokens()));
                if (toolConfig != null) {
                  b.toolConfig(toolConfig);
                }
              });
      if (response.usage() != null) {
        exchange.usage = exchange.usage.plus(
            prices.usage(settings.modelId(), response.usage().inputTokens(), response.usage().outputTokens()));
      }
      Message answer = response.output().message();
      messages.add(answer);
      String said = text(answer);
      if (!said.isEmpty()) {
        exchange.listener.onText(said);
      }
      if (response.stopReason() != StopReason.TOOL_USE) {
        ModelRequest request = generatedRequest(exchange.outcomes);
        return new AssistantReply(
            said, Suggestions.from(request, exchange.outcomes), exchange.outcomes,
            request == null ? state : new ConversationState(request),
            "bedrock:" + settings.modelId(), exchange.usage, null);
      }
      if (round + 1 >= settings.maxToolRounds()) {
        throw new TooManyRounds(settings.maxToolRounds());
      }
      List<ContentBlock> results = new ArrayList<>();
      for (ContentBlock block : answer.content()) {
        if (block.toolUse() != null) {
          results.add(ContentBlock.fromToolResult(runTool(context, block.toolUse(), exchange)));
        }
      }
      messages.add(Message.builder().role(ConversationRole.USER).content(results).build());
    }
  }

  /** Runs one tool the model asked for; a bad input or a failing tool becomes an error result it can read. */
  private ToolResultBlock runTool(ToolContext context, ToolUseBlock use, Exchange exchange) {
    JsonNode input = Documents.toJson(use.input());
    ToolResultBlock.Builder result = ToolResultBlock.builder().toolUseId(use.toolUseId());
    try {
      JsonNode output = registry.call(context, use.name(), input);
      exchange.record(new ToolOutcome(use.name(), input, ToolOutcome.Status.OK, output, null));
      // Tool results may quote data values (min/max, top values): scrub them like any other text sent out.
      JsonNode safe = PiiScrubber.scrub(output.isObject() ? output : Json.mapper().createObjectNode().set("result", output));
      return result.status(ToolResultStatus.SUCCESS).content(ToolResultContentBlock.fromJson(Documents.of(safe))).build();
    } catch (FlowForgeException e) {
      exchange.record(new ToolOutcome(use.name(), input, ToolOutcome.Status.FAILED, null, e.getMessage()));
      return result.status(ToolResultStatus.ERROR).content(ToolResultContentBlock.fromText(e.getMessage())).build();
    }
  }

  /** The request behind the last model the tools generated in this answer, or null. */
  private static ModelRequest generatedRequest(List<ToolOutcome> outcomes) {
    ModelRequest request = null;
    for (ToolOutcome o : outcomes) {
      if (o.ok()) {
        request = ModelRequest.fromGeneration(o.tool(), o.input()).orElse(request);
      }
    }
    return request;
  }

  private static String text(Message message) {
    StringBuilder text = new StringBuilder();
    for (ContentBlock block : message.content()) {
      if (block.text() != null) {
        text.append(text.length() == 0 ? "" : "\n").append(block.text());
      }
    }
    return text.toString();
  }

  private static ToolConfiguration toolConfiguration(List<ToolDefinition> definitions) {
    if (definitions.isEmpty()) {
      return null;
    }
    List<Tool> tools = new ArrayList<>();
    for (ToolDefinition d : definitions) {
      ObjectNode schema = d.inputSchema().deepCopy();
      // The description travels in the tool spec; the dialect marker is ours, not the model's concern.
      schema.remove("$schema");
      schema.remove("description");
      tools.add(Tool.fromToolSpec(ToolSpecification.builder()
          .name(d.name())
          .description(d.description())
          .inputSchema(ToolInputSchema.fromJson(Documents.of(schema)))
          .build()));
    }
    return ToolConfiguration.builder().tools(tools).build();
  }

  private static String reason(Exception e) {
    if (e instanceof TooManyRounds) {
      return e.getMessage();
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      return "it did not answer in time";
    }
    if (e instanceof AwsServiceException service) {
      if (service.isThrottlingException()) {
        return "it is throttling requests";
      }
      String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      return "Bedrock returned " + (code == null ? "HTTP " + service.statusCode() : code);
    }
    return "it could not be reached";
  }

  /** What one answer has spent and called so far, kept so a fallback still records it. */
  private static final class Exchange {
    private final ReplyListener listener;
    private final List<ToolOutcome> outcomes = new ArrayList<>();
    private Usage usage = Usage.NONE;

    Exchange(ReplyListener listener) {
      this.listener = listener;
    }

    void record(ToolOutcome outcome) {
      outcomes.add(outcome);
      listener.onToolCall(outcome);
    }
  }

  private static final class TooManyRounds extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyRounds(int rounds) {
      super("it needed more than " + rounds + " tool rounds");
    }
  }
}
