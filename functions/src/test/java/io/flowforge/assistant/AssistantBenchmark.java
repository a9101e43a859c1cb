package io.flowforge.assistant;

import io.flowforge.adapters.bedrock.BedrockArchitect;
import io.flowforge.adapters.bedrock.BedrockClients;
import io.flowforge.adapters.bedrock.BedrockSettings;
import io.flowforge.adapters.bedrock.BedrockStub;
import io.flowforge.testing.SharedData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Measures the offline architect's reply latency on the test phrasings, against one catalog tool call as a
 * baseline, and the size of what the Bedrock path sends for the worked conversations. Run with
 * {@code mvn -B -q -pl functions test-compile exec:java -Dexec.mainClass=io.flowforge.assistant.AssistantBenchmark -Dexec.classpathScope=test}.
 */
public final class AssistantBenchmark {
  private static final int ROUNDS = 200;
  private static final int WARMUP_ROUNDS = 50;

  private AssistantBenchmark() {}

  public static void main(String[] args) throws Exception {
    offlineLatency();
    workedConversationOnRealData();
    bedrockRequestSize();
  }

  private static void offlineLatency() {
    WorkspaceCatalog catalog = TestCatalogs.adventureWorks();
    ToolContext context = ToolContext.of(catalog);
    ToolRegistry registry = StandardTools.registry();
    OfflineArchitect architect = new OfflineArchitect(registry);
    List<RequestPlannerTest.Case> cases = RequestPlannerTest.phrasings().toList();
    List<ConversationState> states = new ArrayList<>();
    for (RequestPlannerTest.Case c : cases) {
      ConversationState state = ConversationState.EMPTY;
      for (String earlier : c.before()) {
        state = architect.reply(context, state, earlier).state();
      }
      states.add(state);
    }
    var metadataInput = ToolRegistryTest.json("{\"table_names\":[\"product\",\"productcategory\"]}");
    long[] replies = new long[ROUNDS * cases.size()];
    long[] baseline = new long[ROUNDS * cases.size()];
    for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
      for (int i = 0; i < cases.size(); i++) {
        long t0 = System.nanoTime();
        architect.reply(context, states.get(i), cases.get(i).message());
        long t1 = System.nanoTime();
        registry.call(context, "get_table_metadata", metadataInput);
        long t2 = System.nanoTime();
        if (round >= 0) {
          replies[round * cases.size() + i] = t1 - t0;
          baseline[round * cases.size() + i] = t2 - t1;
        }
      }
    }
    printSlowest(cases, replies);
    Arrays.sort(replies);
    Arrays.sort(baseline);
    System.out.printf(Locale.ROOT, "offline architect reply, %d phrasings x %d rounds: p50 %.1f us, p99 %.1f us%n",
        cases.size(), ROUNDS, micros(replies, 0.50), micros(replies, 0.99));
    System.out.printf(Locale.ROOT, "baseline get_table_metadata call (validation + catalog): p50 %.1f us, p99 %.1f us%n",
        micros(baseline, 0.50), micros(baseline, 0.99));
    System.out.printf(Locale.ROOT, "ratio reply/baseline: p50 %.1fx, p99 %.1fx%n",
        micros(replies, 0.50) / micros(baseline, 0.50), micros(replies, 0.99) / micros(baseline, 0.99));
  }

  /** The first worked conversation and its refinement on the AdventureWorks files: profiling and generation included. */
  private static void workedConversationOnRealData() {
    WorkspaceCatalog catalog = CsvFolderCatalog.read("bench", SharedData.resolve("adventureworks/csv"));
    ToolContext context = ToolContext.of(catalog);
    OfflineArchitect architect = new OfflineArchitect(StandardTools.registry());
    int runs = 10;
    long[] first = new long[runs];
    long[] refine = new long[runs];
    for (int i = -2; i < runs; i++) {
      long t0 = System.nanoTime();
      AssistantReply reply = architect.reply(context, ConversationState.EMPTY,
          "I need to create a dimension based on the product and productcategory tables");
      long t1 = System.nanoTime();
      architect.reply(context, reply.state(), "make it type 1 instead");
      long t2 = System.nanoTime();
      if (i >= 0) {
        first[i] = t1 - t0;
        refine[i] = t2 - t1;
      }
    }
    Arrays.sort(first);
    Arrays.sort(refine);
    System.out.printf(Locale.ROOT, "worked conversation on AdventureWorks files, %d runs: first answer p50 %.0f ms (max %.0f), refinement p50 %.0f ms (max %.0f)%n",
        runs, micros(first, 0.5) / 1000, micros(first, 1.0) / 1000, micros(refine, 0.5) / 1000, micros(refine, 1.0) / 1000);
  }

  /** Sends the worked conversations' first message through the Bedrock path to a stub and measures the bodies. */
  private static void bedrockRequestSize() throws Exception {
    WorkspaceCatalog catalog = CsvFolderCatalog.read("bench", SharedData.resolve("adventureworks/csv"));
    ToolRegistry all = new ToolRegistry(ToolCatalog.standard());
    ToolCatalog.standard().names().forEach(n -> all.register(n, (c, in) -> in));
    PriceTable prices = PriceTable.standard();
    for (var registry : List.of(StandardTools.registry(), all)) {
      try (BedrockStub stub = new BedrockStub()) {
        BedrockSettings settings = BedrockSettings.defaults().withEndpoint(stub.endpoint());
        try (BedrockRuntimeClient client = BedrockClients.create(settings,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALSTUB", "local-stub-secret")))) {
          BedrockArchitect architect = new BedrockArchitect(client, settings, registry);
          for (String message : List.of(
              "I need to create a dimension based on the product and productcategory tables",
              "Can you recommend a data vault model for the product and productcategory tables that is optimized for Databricks loads?")) {
            stub.thenText("ok", 1, 1);
            architect.reply(ToolContext.of(catalog), ConversationState.EMPTY, message);
          }
        }
        for (BedrockStub.Received r : stub.received()) {
          long chars = r.body().length();
          long tokens = chars / 4;
          BigDecimal cost = prices.usage(BedrockSettings.DEFAULT_MODEL_ID, tokens, 2_000).costUsd().setScale(4, RoundingMode.HALF_UP);
          System.out.printf(Locale.ROOT,
              "first Converse request with %d tools, %d tables: %d bytes, ~%d input tokens (chars/4); one round + 2K output tokens ~ $%s%n",
              registry.definitions().size(), catalog.tables().size(), chars, tokens, cost);
        }
      }
    }
  }

  /** The phrasings with the slowest median, so a regression points at its cause. */
  private static void printSlowest(List<RequestPlannerTest.Case> cases, long[] byRoundThenCase) {
    List<double[]> medians = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      long[] own = new long[ROUNDS];
      for (int round = 0; round < ROUNDS; round++) {
        own[round] = byRoundThenCase[round * cases.size() + i];
      }
      Arrays.sort(own);
      medians.add(new double[] {micros(own, 0.5), i});
    }
    medians.sort((a, b) -> Double.compare(b[0], a[0]));
    for (double[] m : medians.subList(0, 3)) {
      System.out.printf(Locale.ROOT, "  slow: p50 %.1f us  %s%n", m[0], cases.get((int) m[1]).message());
    }
  }

  private static double micros(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1_000.0;
  }
}
