package io.flowforge.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.core.FlowForgeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunReportParserTest {
  private static final Instant RECEIVED = Instant.parse("2025-05-01T03:00:00Z");

  private static RunReport parse(String json) {
    return RunReportParser.parse(json.getBytes(StandardCharsets.UTF_8), RECEIVED);
  }

  @Test
  void readsFlowForgeReports() {
    RunReport report =
        parse(
            """
            {"job":"silver_orders","runId":"r-42","startedAt":"2025-05-01T02:00:00Z","endedAt":"2025-05-01T02:07:30Z",
             "status":"SUCCEEDED","rowCounts":{"silver.orders":1200,"silver.lines":5400},"metrics":{"revenue":1.5e6},
             "qualityPassRates":{"order_id_not_null":0.999}}""");
    assertEquals("silver_orders", report.job());
    assertEquals(Map.of("silver.lines", 5400L, "silver.orders", 1200L), report.rowCounts());
    assertEquals(1.5e6, report.metrics().get("revenue"));
    assertEquals("flowforge", report.source());
  }

  @Test
  void readsDatabricksJobsRun() {
    RunReport report =
        parse(
            """
            {"job_id":11,"run_id":455644833,"run_name":"nightly_gold","start_time":1714528800000,"end_time":1714529400000,
             "state":{"life_cycle_state":"TERMINATED","result_state":"FAILED","state_message":"Task failed"},
             "tasks":[{"task_key":"load"}],
             "flowforge":{"rowCounts":{"gold.sales":0}}}""");
    assertEquals("nightly_gold", report.job());
    assertEquals("455644833", report.runId());
    assertEquals(RunStatus.FAILED, report.status());
    assertEquals(Instant.ofEpochMilli(1714529400000L), report.endedAt());
    assertEquals(0L, report.rowCounts().get("gold.sales"));
    assertEquals("databricks", report.source());
  }

  @Test
  void readsDatabricksJobNotification_stampedWhenReceived() {
    RunReport report =
        parse(
            """
            {"event_type":"jobs.on_success","workspace_id":"123","run":{"run_id":"789","parent_run_id":"788"},
             "job":{"job_id":"456","name":"bronze_ingest"}}""");
    assertEquals("bronze_ingest", report.job());
    assertEquals(RunStatus.SUCCEEDED, report.status());
    assertEquals(RECEIVED, report.endedAt());
  }

  @Test
  void readsAirflowDagRunCallback() {
    RunReport report =
        parse(
            """
            {"dag_id":"orders_daily","dag_run_id":"scheduled__2025-04-30T00:00:00+00:00","state":"success",
             "logical_date":"2025-04-30T00:00:00+00:00","start_date":"2025-05-01T00:05:00+00:00",
             "end_date":"2025-05-01T00:35:00+00:00","run_type":"scheduled","external_trigger":false,"conf":{},
             "flowforge":{"metrics":{"late_orders":12},"qualityPassRates":{"unique_order_id":1.0}}}""");
    assertEquals("orders_daily", report.job());
    assertEquals(RunStatus.SUCCEEDED, report.status());
    assertEquals(Instant.parse("2025-05-01T00:35:00Z"), report.endedAt());
    assertEquals(12.0, report.metrics().get("late_orders"));
    assertEquals("airflow", report.source());
  }

  @Test
  void rejectsNonNumericMetricsAndInconsistentTimes_withAPointer() {
    FlowForgeException text =
        assertThrows(FlowForgeException.class, () -> parse("{\"dag_id\":\"d\",\"dag_run_id\":\"r\",\"start_date\":\"2025-05-01T00:00:00Z\",\"flowforge\":{\"metrics\":{\"m\":\"many\"}}}"));
    assertEquals("/flowforge/metrics/m", text.pointer());
    FlowForgeException backwards =
        assertThrows(FlowForgeException.class, () -> parse("{\"job\":\"j\",\"runId\":\"r\",\"startedAt\":\"2025-05-01T02:00:00Z\",\"endedAt\":\"2025-05-01T01:00:00Z\"}"));
    assertEquals("/endedAt", backwards.pointer());
    FlowForgeException negative =
        assertThrows(FlowForgeException.class, () -> parse("{\"job\":\"j\",\"runId\":\"r\",\"startedAt\":\"2025-05-01T02:00:00Z\",\"qualityPassRates\":{\"q\":1.5}}"));
    assertTrue(negative.getMessage().contains("between 0 and 1"));
    assertThrows(FlowForgeException.class, () -> parse("not json"));
    assertTrue(assertThrows(FlowForgeException.class, () -> parse("{\"job\":\"j\",\"runId\":\"r\",\"startedAt\":\"2025-05-01T02:00:00Z\",\"rowz\":1}")).getMessage().contains("rowz"));
  }

  @Test
  void readsUpstreamJobsAndSchemas_fromFlowForgeReportsAndOrchestratorPayloads() {
    RunReport own =
        parse(
            """
            {"job":"silver_orders","runId":"r-1","startedAt":"2025-05-01T02:00:00Z","upstream":["bronze_orders","bronze_orders","x'; DROP TABLE t;--"],
             "schemas":{"silver.orders":{"order_id":"bigint","amount":"decimal(10,2)"}}}""");
    RunReport airflow =
        parse(
            """
            {"dag_id":"orders_daily","dag_run_id":"r","state":"success","start_date":"2025-05-01T00:05:00+00:00",
             "flowforge":{"upstream":["ingest_raw"],"schemas":{"gold.sales":{"day":"date"}}}}""");

    assertEquals(List.of("bronze_orders", "x'; DROP TABLE t;--"), own.upstream(), "duplicates dropped, names kept as data");
    assertEquals(Map.of("order_id", "bigint", "amount", "decimal(10,2)"), own.schemas().get("silver.orders"));
    assertEquals(List.of("ingest_raw"), airflow.upstream());
    assertEquals(Map.of("day", "date"), airflow.schemas().get("gold.sales"));
    assertTrue(parse("{\"job\":\"j\",\"runId\":\"r\",\"startedAt\":\"2025-05-01T02:00:00Z\"}").upstream().isEmpty());
  }

  @Test
  void rejectsSelfDependencyTooManyUpstreamJobsAndOversizedOrMistypedSchemas() {
    String start = "{\"job\":\"j\",\"runId\":\"r\",\"startedAt\":\"2025-05-01T02:00:00Z\",";
    FlowForgeException self = assertThrows(FlowForgeException.class, () -> parse(start + "\"upstream\":[\"a\",\"j\"]}"));
    assertEquals("/upstream/1", self.pointer());
    assertTrue(self.getMessage().contains("cannot depend on itself"), self.getMessage());
    String many = IntStream.range(0, 51).mapToObj(i -> "\"u" + i + "\"").collect(Collectors.joining(","));
    assertEquals("/upstream", assertThrows(FlowForgeException.class, () -> parse(start + "\"upstream\":[" + many + "]}")).pointer());
    String tables =
        IntStream.range(0, 51).mapToObj(i -> "\"t" + i + "\":{\"c\":\"int\"}").collect(Collectors.joining(","));
    assertEquals("/schemas", assertThrows(FlowForgeException.class, () -> parse(start + "\"schemas\":{" + tables + "}}")).pointer());
    String columns = IntStream.range(0, 2001).mapToObj(i -> "\"c" + i + "\":\"int\"").collect(Collectors.joining(","));
    assertTrue(
        assertThrows(FlowForgeException.class, () -> parse(start + "\"schemas\":{\"t\":{" + columns + "}}}"))
            .getMessage()
            .contains("2000"));
    FlowForgeException mistyped =
        assertThrows(
            FlowForgeException.class,
            () -> parse("{\"dag_id\":\"d\",\"dag_run_id\":\"r\",\"start_date\":\"2025-05-01T00:00:00Z\",\"flowforge\":{\"schemas\":{\"t\":{\"c\":7}}}}"));
    assertEquals("/flowforge/schemas/t/c", mistyped.pointer());
    assertEquals(
        "/flowforge/upstream/0",
        assertThrows(
                FlowForgeException.class,
                () -> parse("{\"dag_id\":\"d\",\"dag_run_id\":\"r\",\"start_date\":\"2025-05-01T00:00:00Z\",\"flowforge\":{\"upstream\":[1]}}"))
            .pointer());
  }
}
