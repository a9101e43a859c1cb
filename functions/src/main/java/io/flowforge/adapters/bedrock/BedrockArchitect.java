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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Claude on Bedrock as the architect: an agent loop over the tool registry with a bounded number of tool
 * rounds. A caller that listens (any listener but {@link ReplyListener#NONE}) hears the text as Claude
 * writes it, through ConverseStream; otherwise each round is one Converse call. Any failure (throttling
 * after the capped retries, a timeout, an error, too many rounds) falls back to the offline architect, and
 * the answer says so.
 */
public final class BedrockArchitect implements Architect {
  private final BedrockRuntimeClient client;
  private final BedrockRuntimeAsyncClient streamingClient;
  private final BedrockSettings settings;
  private final ToolRegistry registry;
  private final Architect fallback;
  private final SystemPrompt prompt;
  private final PriceTable prices;
  private final ToolConfiguration toolConfig;
  private final BackoffStrategy backoff;

  /** An architect that answers every round with one Converse call, listener or not. */
  public BedrockArchitect(BedrockRuntimeClient client, BedrockSettings settings, ToolRegistry registry) {
    this(client, null, settings, registry);
  }

  /**
   * @param streamingClient the client for ConverseStream, used when the caller listens; or null to answer
   *     every round with Converse (where nothing can stream, as behind an HTTP API)
   */
  public BedrockArchitect(
      BedrockRuntimeClient client,
      BedrockRuntimeAsyncClient streamingClient,
      BedrockSettings settings,
      ToolRegistry registry) {
    this(client, streamingClient, settings, registry, new OfflineArchitect(registry), SystemPrompt.standard(),
        PriceTable.standard());
  }

  BedrockArchitect(
      BedrockRuntimeClient client,
      BedrockRuntimeAsyncClient streamingClient,
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
    this.streamingClient = streamingClient;
    this.settings = settings;
    this.registry = registry;
    this.fallback = fallback;
    this.prompt = prompt;
    this.prices = prices;
    this.toolConfig = toolConfiguration(registry.definitions());
    this.backoff = BackoffStrategy.exponentialDelay(settings.backoffBase(), settings.backoffMax());
  }

  @Override
  public AssistantReply reply(ToolContext context, ConversationState state, String message, ReplyListener listener) {
    Exchange exchange = new Exchange(listener, streamingClient != null && listener != ReplyListener.NONE);
    try {
      return converse(context, state, message, exchange);
    } catch (SdkException | TooManyRounds e) {
      String notice = "Claude on Bedrock could not answer (" + reason(e) + "), so the offline architect answered instead.";
      // Text already streamed stays on the user's screen; the notice starts a new paragraph after it.
      listener.onText((exchange.saidSomething ? "\n\n" : "") + notice + "\n\n");
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
      ConverseRequest request = request(system, messages);
      Round answered = exchange.streams ? stream(request, exchange) : call(request, exchange);
      messages.add(answered.answer());
      if (answered.stopReason() != StopReason.TOOL_USE) {
        ModelRequest generated = generatedRequest(exchange.outcomes);
        return new AssistantReply(
            answered.text(), Suggestions.from(generated, exchange.outcomes), exchange.outcomes,
            generated == null ? state : new ConversationState(generated),
            "bedrock:" + settings.modelId(), exchange.usage, null);
      }
      if (round + 1 >= settings.maxToolRounds()) {
        throw new TooManyRounds(settings.maxToolRounds());
      }
      List<ContentBlock> results = new ArrayList<>();
      for (ContentBlock block : answered.answer().content()) {
        if (block.toolUse() != null) {
          String malformed = answered.malformedInputs().get(block.toolUse().toolUseId());
          results.add(ContentBlock.fromToolResult(malformed == null
              ? runTool(context, block.toolUse(), exchange)
              : refuseMalformed(block.toolUse(), malformed, exchange)));
        }
      }
      messages.add(Message.builder().role(ConversationRole.USER).content(results).build());
    }
  }

  /**
   * The one request body both operations send: system prompt, history (tool results already scrubbed),
   * tools and {@code maxTokens}. ConverseStream copies it field by field, so what can leave the machine is
   * decided here alone.
   */
  private ConverseRequest request(SystemContentBlock system, List<Message> messages) {
    ConverseRequest.Builder b = ConverseRequest.builder()
        .modelId(settings.modelId())
        .system(system)
        .messages(List.copyOf(messages))
        .inferenceConfig(i -> i.maxTokens(settings.maxTokens()));
    if (toolConfig != null) {
      b.toolConfig(toolConfig);
    }
    return b.build();
  }

  /** One round with Converse: the whole answer at once (retries and timeouts are the sync client's). */
  private Round call(ConverseRequest request, Exchange exchange) {
    ConverseResponse response = client.converse(request);
    exchange.spend(response.usage());
    Message answer = response.output().message();
    String said = text(answer);
    if (!said.isEmpty()) {
      exchange.listener.onText(said);
      exchange.saidSomething = true;
    }
    return new Round(answer, said, response.stopReason(), Map.of());
  }

  /**
   * One round with ConverseStream. A throttled (or 5xx) stream that has not shown the user any text yet is
   * retried with backoff, up to the configured attempts and within the call timeout; once text is out, a
   * failure falls back instead of replaying the answer under what the user already read.
   */
  private Round stream(ConverseRequest converse, Exchange exchange) {
    ConverseStreamRequest request = ConverseStreamRequest.builder()
        .modelId(converse.modelId())
        .system(converse.system())
        .messages(converse.messages())
        .inferenceConfig(converse.inferenceConfig())
        .toolConfig(converse.toolConfig())
        .build();
    long deadline = System.nanoTime() + settings.callTimeout().toNanos();
    for (int attempt = 1; ; attempt++) {
      StreamedAnswer answer = new StreamedAnswer(exchange.listener);
      try {
        receive(request, answer, deadline);
        return new Round(answer.message(), answer.text(), answer.stopReason(), answer.malformedInputs());
      } catch (SdkException e) {
        Duration delay = backoff.computeDelay(attempt);
        if (answer.saidSomething() || attempt >= settings.maxAttempts() || !retryable(e)
            || System.nanoTime() + delay.toNanos() >= deadline) {
          throw e;
        }
        pause(delay);
      } finally {
        exchange.saidSomething |= answer.saidSomething();
        exchange.spend(answer.usage());
      }
    }
  }

  /**
   * Runs one ConverseStream call to its end, feeding its events to {@code answer} on this thread (so the
   * listener hears them here, in order). No event for the attempt timeout, or the call timeout passing,
   * ends it as timed out.
   */
  private void receive(ConverseStreamRequest request, StreamedAnswer answer, long deadline) {
    BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
        .subscriber(event -> signals.add(new Event(event)))
        .onComplete(() -> signals.add(new Ended()))
        .onError(error -> signals.add(new Failed(error)))
        .build();
    CompletableFuture<Void> call = streamingClient.converseStream(request, handler);
    call.whenComplete((ignored, error) -> {
      if (error != null) {
        signals.add(new Failed(error));
      }
    });
    boolean ended = false;
    try {
      while (!ended) {
        long left = deadline - System.nanoTime();
        Signal signal = left <= 0 ? null
            : signals.poll(Math.min(left, settings.attemptTimeout().toNanos()), TimeUnit.NANOSECONDS);
        if (signal == null) {
          throw left <= settings.attemptTimeout().toNanos()
              ? ApiCallTimeoutException.create(settings.callTimeout().toMillis())
              : ApiCallAttemptTimeoutException.create(settings.attemptTimeout().toMillis());
        }
        if (signal instanceof Event event) {
          event.output().accept(answer);
        } else if (signal instanceof Failed failed) {
          throw sdkException(failed.error());
        } else if (!answer.stopped()) {
          throw SdkClientException.create("the stream ended before the answer did");
        } else {
          ended = true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AbortedException.create("interrupted while Claude was answering", e);
    } finally {
      if (!ended) {
        // A stream we stopped reading (a timeout or a failure) must not keep its connection busy.
        call.cancel(true);
      }
    }
  }

  private static boolean retryable(SdkException e) {
    return e instanceof AwsServiceException service
        && (service.isThrottlingException() || service instanceof ThrottlingException || service.statusCode() >= 500);
  }

  private static SdkException sdkException(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof SdkException sdk ? sdk : SdkClientException.create("the stream failed: " + cause, cause);
  }

  private static void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AbortedException.create("interrupted while waiting to retry", e);
    }
  }

  /** A tool use whose streamed input is not JSON: the tool does not run and the model reads why. */
  private ToolResultBlock refuseMalformed(ToolUseBlock use, String rawInput, Exchange exchange) {
    String error = "The input for tool '" + use.name() + "' is not a JSON object; send one JSON object that"
        + " matches the tool's input schema.";
    exchange.record(new ToolOutcome(use.name(), Json.mapper().getNodeFactory().textNode(rawInput),
        ToolOutcome.Status.FAILED, null, error));
    return ToolResultBlock.builder().toolUseId(use.toolUseId()).status(ToolResultStatus.ERROR)
        .content(ToolResultContentBlock.fromText(error)).build();
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

  /** One round's answer: the assistant message, its text, why it stopped and any tool input that was not JSON. */
  private record Round(Message answer, String text, StopReason stopReason, Map<String, String> malformedInputs) {}

  /** What the streaming answer loop reads from the SDK's threads. */
  private sealed interface Signal permits Event, Failed, Ended {}

  private record Event(ConverseStreamOutput output) implements Signal {}

  private record Failed(Throwable error) implements Signal {}

  private record Ended() implements Signal {}

  /** What one answer has spent, called and shown so far, kept so a fallback still records it. */
  private final class Exchange {
    private final ReplyListener listener;
    private final boolean streams;
    private final List<ToolOutcome> outcomes = new ArrayList<>();
    private Usage usage = Usage.NONE;
    private boolean saidSomething;

    Exchange(ReplyListener listener, boolean streams) {
      this.listener = listener;
      this.streams = streams;
    }

    void spend(TokenUsage tokens) {
      if (tokens != null) {
        usage = usage.plus(prices.usage(settings.modelId(), tokens.inputTokens(), tokens.outputTokens()));
      }
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
