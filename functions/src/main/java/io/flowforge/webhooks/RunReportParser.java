package io.flowforge.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a run report from any supported payload: FlowForge's own {@link RunReport} JSON, a Databricks Jobs
 * run (the Jobs API {@code runs/get} object, or a job webhook notification with {@code event_type}), or an
 * Airflow DAG-run callback (the REST API {@code DAGRun} object an {@code on_success_callback} /
 * {@code on_failure_callback} posts). Orchestrator payloads may carry FlowForge's measurements in an
 * optional {@code flowforge} object ({@code rowCounts}, {@code metrics}, {@code qualityPassRates}, {@code
 * upstream}, {@code schemas}).
 *
 * <p>Neither native payload names the jobs a job depends on: a Databricks run's {@code tasks[].depends_on}
 * orders tasks inside one job, and an Airflow DAG run carries no upstream DAGs (dataset events are a
 * separate endpoint). So job-to-job dependencies come only from {@code flowforge.upstream} (or the
 * upstream route), never guessed from task graphs.
 */
public final class RunReportParser {
  private RunReportParser() {}

  public static RunReport parse(byte[] body, Instant receivedAt) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (IOException e) {
      throw FlowForgeException.badRequest("The body is not valid JSON; send a run report object.");
    }
    if (root == null || !root.isObject()) {
      throw FlowForgeException.badRequest("The body must be a JSON object describing one run.");
    }
    if (root.has("event_type") || (root.has("run_id") && root.has("state") && root.path("state").isObject())) {
      return fromDatabricks(root, receivedAt);
    }
    if (root.has("dag_id")) {
      return fromAirflow(root);
    }
    try {
      return Json.mapper().treeToValue(root, RunReport.class);
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause();
      if (cause instanceof FlowForgeException problem) {
        throw problem;
      }
      throw FlowForgeException.badRequest(
          "The body is not a run report: " + e.getOriginalMessage()
              + ". Send {job, runId, startedAt, endedAt?, status?, rowCounts?, metrics?, qualityPassRates?,"
              + " upstream?: [job], schemas?: {table: {column: type}}},"
              + " a Databricks Jobs run or an Airflow DAG run.");
    }
  }

  static RunReport fromDatabricks(JsonNode root, Instant receivedAt) {
    JsonNode run = root.has("run") ? root.get("run") : root;
    JsonNode job = root.path("job");
    String jobName = text(job, "name", text(root, "run_name", text(job, "job_id", text(root, "job_id", null))));
    String runId = text(run, "run_id", null);
    RunStatus status;
    Instant started = epochMillis(run, "start_time");
    Instant ended = epochMillis(run, "end_time");
    if (root.has("event_type")) {
      String event = root.get("event_type").asText();
      status =
          switch (event) {
            case "jobs.on_start" -> RunStatus.RUNNING;
            case "jobs.on_success" -> RunStatus.SUCCEEDED;
            case "jobs.on_failure" -> RunStatus.FAILED;
            case "jobs.on_duration_warning_threshold_exceeded" -> RunStatus.RUNNING;
            default -> throw FlowForgeException.invalid("/event_type", "Unsupported Databricks event_type '" + event + "'.");
          };
      // A notification carries no times: it is sent when the event happens.
      if (started == null) {
        started = receivedAt;
      }
      if (ended == null && status != RunStatus.RUNNING) {
        ended = receivedAt;
      }
    } else {
      status = databricksState(root.path("state"));
    }
    return withMeasurements(root, jobName, runId, started, ended, status, "databricks");
  }

  private static RunStatus databricksState(JsonNode state) {
    String lifeCycle = state.path("life_cycle_state").asText("");
    String result = state.path("result_state").asText("");
    if (lifeCycle.equals("SKIPPED") || result.equals("EXCLUDED")) {
      return RunStatus.SKIPPED;
    }
    return switch (result) {
      case "SUCCESS", "SUCCESS_WITH_FAILURES" -> RunStatus.SUCCEEDED;
      case "FAILED", "TIMEDOUT", "MAXIMUM_CONCURRENT_RUNS_REACHED", "UPSTREAM_FAILED" -> RunStatus.FAILED;
      case "CANCELED", "UPSTREAM_CANCELED" -> RunStatus.CANCELLED;
      default -> lifeCycle.equals("INTERNAL_ERROR") ? RunStatus.FAILED : RunStatus.RUNNING;
    };
  }

  static RunReport fromAirflow(JsonNode root) {
    String state = root.path("state").asText("").toLowerCase(Locale.ROOT);
    RunStatus status =
        switch (state) {
          case "success" -> RunStatus.SUCCEEDED;
          case "failed", "upstream_failed" -> RunStatus.FAILED;
          case "skipped" -> RunStatus.SKIPPED;
          case "removed" -> RunStatus.CANCELLED;
          default -> RunStatus.RUNNING;
        };
    String runId = text(root, "dag_run_id", text(root, "run_id", null));
    Instant started = isoTime(root, "start_date");
    if (started == null) {
      started = isoTime(root, "logical_date");
    }
    return withMeasurements(root, text(root, "dag_id", null), runId, started, isoTime(root, "end_date"), status, "airflow");
  }

  private static RunReport withMeasurements(
      JsonNode root, String job, String runId, Instant started, Instant ended, RunStatus status, String source) {
    JsonNode extra = root.path("flowforge");
    Map<String, Long> rows = new LinkedHashMap<>();
    extra.path("rowCounts").fields().forEachRemaining(e -> rows.put(e.getKey(), wholeNumber("/flowforge/rowCounts/" + e.getKey(), e.getValue())));
    return new RunReport(
        job, runId, started, ended, status, rows,
        numbers(extra.path("metrics"), "/flowforge/metrics/"), numbers(extra.path("qualityPassRates"), "/flowforge/qualityPassRates/"), source,
        names(extra.path("upstream"), "/flowforge/upstream"),
        schemas(extra.path("schemas"), "/flowforge/schemas"));
  }

  private static List<String> names(JsonNode node, String pointer) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw FlowForgeException.invalid(
          pointer, "upstream must be an array of job names; got " + node.getNodeType() + ".");
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        throw FlowForgeException.invalid(
            pointer + "/" + i, "Upstream job names must be strings; got " + node.get(i).getNodeType() + ".");
      }
      names.add(node.get(i).asText());
    }
    return names;
  }

  private static Map<String, Map<String, String>> schemas(JsonNode node, String pointer) {
    Map<String, Map<String, String>> tables = new LinkedHashMap<>();
    if (node.isMissingNode() || node.isNull()) {
      return tables;
    }
    if (!node.isObject()) {
      throw FlowForgeException.invalid(pointer, "schemas must be an object {table: {column: type}}.");
    }
    node.fields()
        .forEachRemaining(
            table -> {
              if (!table.getValue().isObject()) {
                throw FlowForgeException.invalid(
                    pointer + "/" + table.getKey(),
                    "The schema of a table must be an object {column: type}.");
              }
              Map<String, String> columns = new LinkedHashMap<>();
              table.getValue().fields().forEachRemaining(column -> {
                if (!column.getValue().isTextual()) {
                  throw FlowForgeException.invalid(
                      pointer + "/" + table.getKey() + "/" + column.getKey(),
                      "A column type must be a string such as \"bigint\".");
                }
                columns.put(column.getKey(), column.getValue().asText());
              });
              tables.put(table.getKey(), columns);
            });
    return tables;
  }

  private static Map<String, Double> numbers(JsonNode node, String pointer) {
    Map<String, Double> values = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isNumber()) {
                throw FlowForgeException.invalid(pointer + e.getKey(), e.getKey() + " must be a number; got " + e.getValue() + ".");
              }
              values.put(e.getKey(), e.getValue().asDouble());
            });
    return values;
  }

  private static long wholeNumber(String pointer, JsonNode value) {
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw FlowForgeException.invalid(pointer, "A row count must be a whole number; got " + value + ".");
    }
    return value.asLong();
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() ? value.asText() : fallback;
  }

  private static Instant epochMillis(JsonNode node, String field) {
    JsonNode value = node.path(field);
    // Databricks reports 0 for a time that has not happened yet.
    return value.isNumber() && value.asLong() > 0 ? Instant.ofEpochMilli(value.asLong()) : null;
  }

  private static Instant isoTime(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw FlowForgeException.invalid("/" + field, field + " must be an ISO 8601 time with offset; got '" + value.asText() + "'.");
    }
  }
}
