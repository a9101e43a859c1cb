package io.flowforge.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flowforge.anomaly.Anomaly;
import io.flowforge.anomaly.CauseAnalyzer;
import io.flowforge.anomaly.CauseContext;
import io.flowforge.anomaly.Evaluation;
import io.flowforge.anomaly.ExceptionRule;
import io.flowforge.anomaly.HolidayCalendar;
import io.flowforge.anomaly.Monitor;
import io.flowforge.anomaly.MonitorPorts;
import io.flowforge.anomaly.MonitorSettings;
import io.flowforge.anomaly.Observation;
import io.flowforge.anomaly.ScheduledCheck;
import io.flowforge.anomaly.Sensitivity;
import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Ids;
import io.flowforge.core.Json;
import io.flowforge.core.Names;
import io.flowforge.core.ProblemType;
import io.flowforge.monitoring.MonitoringViews.DeadLetterView;
import io.flowforge.monitoring.MonitoringViews.DestinationView;
import io.flowforge.monitoring.MonitoringViews.IngestReceipt;
import io.flowforge.monitoring.MonitoringViews.IssuedSecret;
import io.flowforge.monitoring.MonitoringViews.MonitorView;
import io.flowforge.monitoring.MonitoringViews.RuleView;
import io.flowforge.monitoring.MonitoringViews.SecretStatus;
import io.flowforge.monitoring.MonitoringViews.SeriesPoint;
import io.flowforge.monitoring.MonitoringViews.SeriesView;
import io.flowforge.monitoring.MonitoringViews.TestSend;
import io.flowforge.webhooks.AlertDelivery;
import io.flowforge.webhooks.AlertDestination;
import io.flowforge.webhooks.AlertMessage;
import io.flowforge.webhooks.DeliveryPolicy;
import io.flowforge.webhooks.MetricHistory;
import io.flowforge.webhooks.MetricPoint;
import io.flowforge.webhooks.RunIngestion;
import io.flowforge.webhooks.RunReport;
import io.flowforge.webhooks.RunStatus;
import io.flowforge.webhooks.SsrfGuard;
import io.flowforge.webhooks.WebhookSecret;
import io.flowforge.webhooks.WebhookSignature;
import io.flowforge.workspace.WorkspaceService;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Monitoring as a product: accepts signed run and quality reports, keeps monitors for every series they
 * carry, runs the scheduled check over each monitored workspace and alerts its destinations, and serves
 * monitors, series, anomalies, exception rules, the webhook secret and destinations to members.
 *
 * <p>Webhook routes carry no user: the workspace comes from a header and the Standard Webhooks signature
 * is the only credential, so every way of failing it (unknown workspace, no secret, missing or wrong
 * signature, stale timestamp) is the same 401 and nothing is stored.
 */
public final class MonitoringService {
  /** How often the scheduled check runs; its windows are this long. */
  public static final Duration CHECK_PERIOD = Duration.ofHours(1);
  /** How long metric points, run logs and accepted run ids are kept (DynamoDB TTL): a year and a season. */
  public static final Duration RETENTION = Duration.ofDays(400);
  /** A test send is one quick attempt: the person clicking "test" wants an answer, not a retry schedule. */
  public static final DeliveryPolicy TEST_SEND_POLICY =
      new DeliveryPolicy(1, Duration.ofSeconds(5), Duration.ofSeconds(1), 1, Duration.ofSeconds(1));
  /** How long the previous webhook secret stays valid after a rotation. */
  public static final Duration SECRET_GRACE = Duration.ofHours(24);
  /** The history a check reads to judge a series' newest point. */
  static final Duration CHECK_HISTORY = Duration.ofDays(120);
  /** Monitors judged concurrently per batch, bounding memory and parallel reads. */
  static final int CHECK_BATCH = 100;
  /** How long a check waits for its alert deliveries before returning (they retry with backoff). */
  static final Duration ALERT_WAIT = Duration.ofMinutes(2);
  static final int MAX_WEBHOOK_ID_LENGTH = 256;
  static final int MAX_URL_LENGTH = 2_000;
  static final int ANOMALY_LIST_LIMIT = 200;
  static final int SERIES_POINTS = 200;
  private static final String AUTH_FAILED =
      "The delivery could not be authenticated. Send X-FlowForge-Workspace with your workspace id and sign"
          + " 'webhook-id.webhook-timestamp.body' with the workspace's whsec_ secret (Standard Webhooks,"
          + " HMAC-SHA256), with a timestamp within 5 minutes of now.";
  private static final Logger LOG = Logger.getLogger(MonitoringService.class.getName());

  /** How alerts are delivered: the policy for check runs and the single quick attempt of a test send. */
  public record Delivery(AlertDelivery checks, AlertDelivery testSends, SsrfGuard guard) {}

  private final WorkspaceService workspaces;
  private final MonitoringStore store;
  private final MetricHistory history;
  private final Delivery delivery;
  private final ExecutorService executor;
  private final Clock clock;
  private final boolean localWorkspaces;
  private final RunIngestion runs;
  private final JobFacts jobs;
  private final Set<String> knownMonitors = ConcurrentHashMap.newKeySet();

  /**
   * @param executor runs check batches and alert deliveries
   * @param localWorkspaces true on the local stack: alert destinations may then be http and private
   *     addresses (the receivers run on the same machine)
   */
  public MonitoringService(
      WorkspaceService workspaces,
      MonitoringStore store,
      MetricHistory history,
      Delivery delivery,
      ExecutorService executor,
      Clock clock,
      boolean localWorkspaces) {
    this.workspaces = workspaces;
    this.store = store;
    this.history = history;
    this.delivery = delivery;
    this.executor = executor;
    this.clock = clock;
    this.localWorkspaces = localWorkspaces;
    this.jobs = new JobFacts(store, clock);
    this.runs = new RunIngestion(this::validSecrets, store, store, history, jobs::admit, clock);
  }

  // ---- inbound webhooks

  /** {@code POST /api/hooks/runs}: a signed run report for the workspace named in the header. */
  public IngestReceipt ingestRun(String workspaceId, Map<String, String> headers, byte[] body) {
    requireSize(body);
    requireCredentials(workspaceId, headers);
    RunIngestion.Outcome outcome;
    try {
      outcome = runs.ingest(workspaceId, headers, body);
    } catch (FlowForgeException e) {
      throw e.type() == ProblemType.UNAUTHORIZED ? unauthorized() : e;
    }
    ensureMonitors(workspaceId, outcome.points());
    if (outcome.result() == RunIngestion.Result.STORED) {
      jobs.record(workspaceId, outcome.report());
    }
    return new IngestReceipt(outcome.result(), outcome.webhookId(), outcome.points().size());
  }

  /** {@code POST /api/hooks/quality}: signed quality-rule pass rates for one job. */
  public IngestReceipt ingestQuality(String workspaceId, Map<String, String> headers, byte[] body) {
    requireSize(body);
    requireCredentials(workspaceId, headers);
    WebhookSignature.Verified verified;
    try {
      verified = WebhookSignature.verify(headers, body, validSecrets(workspaceId), clock);
    } catch (FlowForgeException e) {
      throw unauthorized();
    }
    QualityReport report = parseQuality(body);
    if (!store.firstDelivery(workspaceId, verified.id(), verified.timestamp().plus(WebhookSignature.TOLERANCE.multipliedBy(2)))) {
      return new IngestReceipt(RunIngestion.Result.DUPLICATE_DELIVERY, verified.id(), 0);
    }
    List<MetricPoint> points =
        report.passRates().entrySet().stream()
            .map(rule -> new MetricPoint(report.job(), "quality:" + rule.getKey(), report.checkedAt(), rule.getValue()))
            .toList();
    // Keyed by time and evaluation id: the same evaluation resent under a new webhook id overwrites itself.
    history.append(workspaceId, "quality-" + report.runId(), points);
    ensureMonitors(workspaceId, points);
    return new IngestReceipt(RunIngestion.Result.STORED, verified.id(), points.size());
  }

  private List<WebhookSecret> validSecrets(String workspaceId) {
    return store.secrets(workspaceId).map(ring -> ring.valid(clock.instant())).orElse(List.of());
  }

  private static void requireSize(byte[] body) {
    if (body.length > RunIngestion.MAX_BODY_BYTES) {
      throw new FlowForgeException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "The report is " + body.length + " bytes; the limit is " + RunIngestion.MAX_BODY_BYTES
              + ". Send one run per delivery.");
    }
  }

  private void requireCredentials(String workspaceId, Map<String, String> headers) {
    String webhookId =
        headers.entrySet().stream()
            .filter(header -> header.getKey().equalsIgnoreCase(WebhookSignature.ID))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse("");
    if (!Ids.isWellFormed(workspaceId) || webhookId.length() > MAX_WEBHOOK_ID_LENGTH) {
      throw unauthorized();
    }
  }

  private static FlowForgeException unauthorized() {
    return new FlowForgeException(ProblemType.UNAUTHORIZED, AUTH_FAILED);
  }

  private static QualityReport parseQuality(byte[] body) {
    try {
      QualityReport report = Json.mapper().readValue(body, QualityReport.class);
      if (report == null) {
        throw FlowForgeException.badRequest("The body is JSON null; send a quality report object.");
      }
      return report;
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof FlowForgeException problem) {
        throw problem;
      }
      throw FlowForgeException.badRequest(
          "The body is not a quality report: " + e.getOriginalMessage()
              + ". Send {job, runId, checkedAt, passRates: {rule: 0..1}}.");
    } catch (java.io.IOException e) {
      throw FlowForgeException.badRequest("The body could not be read as JSON.");
    }
  }

  private void ensureMonitors(String workspaceId, List<MetricPoint> points) {
    if (points.isEmpty()) {
      return;
    }
    if (knownMonitors.add(workspaceId)) {
      store.registerMonitoredWorkspace(workspaceId);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    for (MetricPoint point : points) {
      String id = monitorId(point.job(), point.metric());
      // Remembered per process so steady ingestion costs no extra write per point.
      if (knownMonitors.add(workspaceId + "/" + id)) {
        store.createMonitorIfAbsent(
            workspaceId,
            new MonitorDefinition(
                id, point.job(), point.metric(), Sensitivity.MEDIUM, MonitorSettings.DEFAULT_MIN_HISTORY, null, now, null));
      }
    }
  }

  // ---- scheduled check

  /** What a check of one workspace did, and how many alerts were delivered or dead-lettered. */
  public record CheckResult(String workspaceId, ScheduledCheck.Report report, int delivered, int deadLettered) {}

  /** Checks every monitored workspace; one workspace failing does not stop the others. */
  public List<CheckResult> checkAll(Instant now) throws InterruptedException {
    List<CheckResult> results = new ArrayList<>();
    for (String workspaceId : store.monitoredWorkspaces()) {
      try {
        results.add(check(workspaceId, now));
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Monitoring check of workspace " + workspaceId + " failed", e);
      }
    }
    return results;
  }

  /** Judges the newest point of every monitor of the workspace, records anomalies once and alerts. */
  public CheckResult check(String workspaceId, Instant now) throws InterruptedException {
    Map<String, MonitorDefinition> definitions = new ConcurrentHashMap<>();
    Map<String, List<ExceptionRule>> rules =
        store.rules(workspaceId).stream()
            .collect(Collectors.groupingBy(StoredRule::monitorId, Collectors.mapping(StoredRule::rule, Collectors.toList())));
    List<Destination> destinations = store.destinations(workspaceId);
    Map<String, List<RunReport>> runsByJob = new ConcurrentHashMap<>();
    List<Future<AlertDelivery.Outcome>> deliveries = java.util.Collections.synchronizedList(new ArrayList<>());

    MonitorPorts.Catalog catalog =
        workspace ->
            store.monitors(workspace).stream()
                .map(definition -> {
                  definitions.put(definition.id(), definition);
                  return definition.toMonitor(workspace, rules.getOrDefault(definition.id(), List.of()));
                })
                .toList();
    MonitorPorts.Series series =
        (monitor, until) -> history.series(workspaceId, monitor.job(), monitor.metric(), until.minus(CHECK_HISTORY), until);
    MonitorPorts.Context context = causeReader(workspaceId, definitions, runsByJob);
    MonitorPorts.Ledger ledger =
        (monitor, window, anomaly) ->
            store.recordAnomaly(
                workspaceId,
                new RecordedAnomaly(
                    anomalyId(monitor.id(), anomaly.at()), monitor.id(), monitor.job(), monitor.metric(), window,
                    now, anomaly, AnomalyStatus.OPEN, null));
    MonitorPorts.Alerts alerts =
        (monitor, anomaly) -> {
          AlertMessage message =
              new AlertMessage(
                  anomalyId(monitor.id(), anomaly.at()), workspaceId, monitor.job(), monitor.metric(), anomaly,
                  "/#/workspaces/" + workspaceId + "/monitoring");
          for (Destination destination : destinations) {
            // Delivered off the check's threads: a slow or failing destination holds up no monitor.
            deliveries.add(executor.submit(() -> deliver(workspaceId, destination, message)));
          }
        };
    ScheduledCheck.Report report =
        new ScheduledCheck(catalog, series, context, ledger, alerts, executor, CHECK_BATCH)
            .run(workspaceId, now, CHECK_PERIOD);
    int delivered = 0;
    int deadLettered = 0;
    long deadline = System.nanoTime() + ALERT_WAIT.toNanos();
    for (Future<AlertDelivery.Outcome> future : List.copyOf(deliveries)) {
      try {
        AlertDelivery.Outcome outcome =
            future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (outcome.delivered()) {
          delivered++;
        } else {
          deadLettered++;
        }
      } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
        deadLettered++;
      }
    }
    return new CheckResult(workspaceId, report, delivered, deadLettered);
  }

  private AlertDelivery.Outcome deliver(String workspaceId, Destination destination, AlertMessage message)
      throws InterruptedException {
    AlertDelivery.Outcome outcome =
        delivery.checks().deliver(destination.toAlertDestination(), message, localWorkspaces);
    outcome.deadLetter().ifPresent(letter -> store.addDeadLetter(workspaceId, letter));
    return outcome;
  }

  /**
   * Gathers causes for the anomalous monitors of one check, lazily: the check asks only for anomalies.
   * Reads are cached per check, so monitors of one job share them: per anomalous job, its declaration (one
   * read), its run log and each upstream job's run log (one query each, at most {@link
   * RunReport#MAX_UPSTREAM}), and its schema changes around the anomaly (one query).
   */
  private MonitorPorts.Context causeReader(
      String workspaceId,
      Map<String, MonitorDefinition> definitions,
      Map<String, List<RunReport>> runsByJob) {
    Map<String, List<String>> upstreamByJob = new ConcurrentHashMap<>();
    Map<String, List<SchemaChangeEvent>> changesByJobAndTime = new ConcurrentHashMap<>();
    return (monitor, at) -> {
      List<String> upstream =
          upstreamByJob.computeIfAbsent(
              monitor.job(),
              job -> store.job(workspaceId, job).map(JobDefinition::upstream).orElse(List.of()));
      Map<String, List<RunReport>> upstreamRuns = new LinkedHashMap<>();
      for (String job : upstream) {
        upstreamRuns.put(job, runsByJob.computeIfAbsent(job, name -> store.recent(workspaceId, name)));
      }
      List<SchemaChangeEvent> changes =
          changesByJobAndTime.computeIfAbsent(
              monitor.job().length() + ":" + monitor.job() + at.toEpochMilli(),
              key -> store.schemaChanges(workspaceId, monitor.job(), at.minus(CauseAnalyzer.LOOKBACK), at));
      return causeContext(
          definitions.get(monitor.id()),
          runsByJob.computeIfAbsent(monitor.job(), job -> store.recent(workspaceId, job)),
          upstreamRuns,
          changes,
          at);
    };
  }

  /**
   * Causes the run log supports: the monitor's country for holidays; quality drops from the job's runs
   * (the run closest before the anomaly against the one before it); the job's own failed run; each upstream
   * job's latest run that failed or finished late; and schema changes of the job's tables. Weekends are
   * judged by the detector itself.
   */
  static CauseContext causeContext(
      MonitorDefinition definition,
      List<RunReport> recentRuns,
      Map<String, List<RunReport>> upstreamRuns,
      List<SchemaChangeEvent> schemaChanges,
      Instant at) {
    List<RunReport> before =
        recentRuns.stream()
            .filter(run -> !pointTime(run).isAfter(at))
            .sorted(Comparator.comparing(MonitoringService::pointTime).reversed())
            .limit(2)
            .toList();
    List<CauseContext.QualityResult> quality = new ArrayList<>();
    if (before.size() == 2) {
      RunReport latest = before.get(0);
      latest.qualityPassRates().forEach(
          (rule, rate) -> {
            Double previous = before.get(1).qualityPassRates().get(rule);
            if (previous != null) {
              quality.add(new CauseContext.QualityResult(rule, rate, previous, pointTime(latest)));
            }
          });
    }
    List<CauseContext.UpstreamRun> upstream = new ArrayList<>();
    if (!before.isEmpty() && before.get(0).status() == RunStatus.FAILED) {
      upstream.add(new CauseContext.UpstreamRun(before.get(0).job(), false, pointTime(before.get(0)), null));
    }
    upstreamRuns.forEach(
        (job, runs) -> UpstreamRuns.latest(job, runs, at, CauseAnalyzer.LOOKBACK).ifPresent(upstream::add));
    List<CauseContext.SchemaChange> changes =
        schemaChanges.stream()
            .map(change -> new CauseContext.SchemaChange(change.table(), change.description(), change.at()))
            .toList();
    String country = definition == null ? null : definition.country();
    return new CauseContext(country, upstream, changes, quality);
  }

  private static Instant pointTime(RunReport run) {
    return run.endedAt() != null ? run.endedAt() : run.startedAt();
  }

  // ---- monitors, series, anomalies, rules

  public List<MonitorView> monitors(Caller caller, String workspaceId) {
    workspaces.requireMember(caller, workspaceId);
    List<StoredRule> rules = store.rules(workspaceId);
    return store.monitors(workspaceId).stream().map(monitor -> view(monitor, rules)).toList();
  }

  public MonitorView configure(
      Caller caller, String workspaceId, String monitorId, MonitoringRequests.ConfigureMonitor request) {
    workspaces.requireMember(caller, workspaceId);
    MonitorDefinition monitor = requireMonitor(workspaceId, monitorId);
    Sensitivity sensitivity = request.sensitivity() == null ? monitor.sensitivity() : request.sensitivity();
    int minHistory = request.minHistory() == null ? monitor.minHistory() : request.minHistory();
    if (minHistory < 3 || minHistory > 1_000) {
      throw FlowForgeException.invalid(
          "/minHistory", "minHistory must be 3 to 1000 points; got " + minHistory + ".");
    }
    String country = request.country() == null ? monitor.country() : normalizeCountry(request.country());
    MonitorDefinition updated = store.updateMonitor(workspaceId, monitor.withSettings(sensitivity, minHistory, country));
    return view(updated, store.rules(workspaceId));
  }

  private static String normalizeCountry(String country) {
    if (country.isBlank()) {
      return null;
    }
    String code = country.trim().toUpperCase(Locale.ROOT);
    if (!HolidayCalendar.COUNTRIES.contains(code)) {
      throw FlowForgeException.invalid(
          "/country", "No holiday calendar for that country; use one of "
              + String.join(", ", HolidayCalendar.COUNTRIES.stream().sorted().toList()) + ", or \"\" for none.");
    }
    return code;
  }

  /** The monitor's latest points with the band each was judged against, and its recorded anomalies. */
  public SeriesView series(Caller caller, String workspaceId, String monitorId) {
    workspaces.requireMember(caller, workspaceId);
    MonitorDefinition definition = requireMonitor(workspaceId, monitorId);
    List<StoredRule> rules = store.rules(workspaceId);
    Monitor monitor = definition.toMonitor(workspaceId, rulesOf(rules, monitorId));
    Instant now = clock.instant();
    List<Observation> points =
        history.series(workspaceId, definition.job(), definition.metric(), now.minus(CHECK_HISTORY), now);
    List<SeriesPoint> plotted = new ArrayList<>();
    for (int i = Math.max(0, points.size() - SERIES_POINTS); i < points.size(); i++) {
      Observation point = points.get(i);
      Evaluation evaluation =
          io.flowforge.anomaly.AnomalyDetector.evaluate(
              points.subList(0, i), point, monitor.settings(), CauseContext.none());
      plotted.add(
          new SeriesPoint(
              point.at(), point.value(), point.markedExpected(),
              evaluation.band().map(band -> band.expected()).orElse(null),
              evaluation.band().map(band -> band.lower()).orElse(null),
              evaluation.band().map(band -> band.upper()).orElse(null),
              evaluation.status().name()));
    }
    List<RecordedAnomaly> anomalies =
        store.anomalies(workspaceId, ANOMALY_LIST_LIMIT).stream()
            .filter(anomaly -> anomaly.monitorId().equals(monitorId))
            .toList();
    return new SeriesView(view(definition, rules), plotted, anomalies);
  }

  public List<RecordedAnomaly> anomalies(Caller caller, String workspaceId) {
    workspaces.requireMember(caller, workspaceId);
    return store.anomalies(workspaceId, ANOMALY_LIST_LIMIT);
  }

  /** Marks an anomaly as expected: its point stops training the baseline. Marking twice is harmless. */
  public RecordedAnomaly markExpected(Caller caller, String workspaceId, String anomalyId) {
    workspaces.requireMember(caller, workspaceId);
    RecordedAnomaly anomaly = requireAnomaly(workspaceId, anomalyId);
    store.markPointExpected(workspaceId, anomaly.job(), anomaly.metric(), anomaly.anomaly().at());
    if (anomaly.status() == AnomalyStatus.EXPECTED) {
      return anomaly;
    }
    return store.updateAnomaly(workspaceId, anomaly.withStatus(AnomalyStatus.EXPECTED));
  }

  public RuleView createRule(Caller caller, String workspaceId, MonitoringRequests.CreateRule request) {
    workspaces.requireMember(caller, workspaceId);
    MonitorDefinition monitor = requireMonitor(workspaceId, request.monitorId());
    ExceptionRule rule = toRule(request);
    StoredRule stored =
        new StoredRule(Ids.newId("rule"), monitor.id(), rule, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    store.addRule(workspaceId, stored);
    return view(stored);
  }

  private static ExceptionRule toRule(MonitoringRequests.CreateRule request) {
    String kind = request.kind() == null ? "" : request.kind().toUpperCase(Locale.ROOT);
    switch (kind) {
      case "DATE":
        if (request.date() == null) {
          throw FlowForgeException.invalid("/date", "A DATE rule needs date (YYYY-MM-DD).");
        }
        return new ExceptionRule.OnDate(request.date());
      case "WEEKDAY":
        if (request.weekday() == null) {
          throw FlowForgeException.invalid("/weekday", "A WEEKDAY rule needs weekday (MONDAY … SUNDAY).");
        }
        return new ExceptionRule.OnWeekday(request.weekday());
      case "RANGE":
        return new ExceptionRule.DateRange(request.from(), request.to());
      default:
        throw FlowForgeException.invalid("/kind", "kind must be DATE, WEEKDAY or RANGE.");
    }
  }

  private MonitorDefinition requireMonitor(String workspaceId, String monitorId) {
    if (!Ids.isWellFormed(monitorId)) {
      throw FlowForgeException.notFound("Monitor " + Ids.printable(monitorId));
    }
    return store.monitor(workspaceId, monitorId)
        .orElseThrow(() -> FlowForgeException.notFound("Monitor " + monitorId));
  }

  private RecordedAnomaly requireAnomaly(String workspaceId, String anomalyId) {
    if (!Ids.isWellFormed(anomalyId)) {
      throw FlowForgeException.notFound("Anomaly " + Ids.printable(anomalyId));
    }
    return store.anomaly(workspaceId, anomalyId)
        .orElseThrow(() -> FlowForgeException.notFound("Anomaly " + anomalyId));
  }

  private static List<ExceptionRule> rulesOf(List<StoredRule> rules, String monitorId) {
    return rules.stream().filter(rule -> rule.monitorId().equals(monitorId)).map(StoredRule::rule).toList();
  }

  private static MonitorView view(MonitorDefinition monitor, List<StoredRule> rules) {
    return new MonitorView(
        monitor.id(), monitor.job(), monitor.metric(), monitor.sensitivity(), monitor.minHistory(), monitor.country(),
        monitor.createdAt(), monitor.version() == null ? 0 : monitor.version(),
        rules.stream().filter(rule -> rule.monitorId().equals(monitor.id())).map(MonitoringService::view).toList());
  }

  private static RuleView view(StoredRule rule) {
    String kind =
        rule.rule() instanceof ExceptionRule.OnDate ? "DATE"
            : rule.rule() instanceof ExceptionRule.OnWeekday ? "WEEKDAY" : "RANGE";
    return new RuleView(rule.id(), rule.monitorId(), kind, rule.rule().describe(), rule.createdAt());
  }

  // ---- jobs

  /** {@code GET …/monitoring/jobs}: the workspace's jobs with their upstream jobs and last run. */
  public List<MonitoringViews.JobView> jobs(Caller caller, String workspaceId) {
    workspaces.requireMember(caller, workspaceId);
    return jobs.list(workspaceId);
  }

  /** {@code PUT …/monitoring/jobs/{job}/upstream}: declares the jobs this one depends on. */
  public MonitoringViews.JobView declareUpstream(
      Caller caller, String workspaceId, String job, MonitoringRequests.DeclareUpstream request) {
    workspaces.requireMember(caller, workspaceId);
    return jobs.declare(workspaceId, job, request);
  }

  // ---- webhook secret

  public SecretStatus secretStatus(Caller caller, String workspaceId) {
    workspaces.requireMember(caller, workspaceId);
    return store.secrets(workspaceId)
        .map(ring -> new SecretStatus(true, ring.createdAt(), ring.rotatedAt(), ring.previousValidUntil()))
        .orElse(new SecretStatus(false, null, null, null));
  }

  /** Creates the workspace's first webhook secret; a 409 when it has one (rotate it instead). */
  public IssuedSecret createSecret(Caller caller, String workspaceId) {
    workspaces.requireMember(caller, workspaceId);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    SecretRing ring = store.createSecrets(workspaceId, new SecretRing(WebhookSecret.generate(), null, null, now, null, null));
    return new IssuedSecret(ring.current().encoded(), ring.createdAt(), null, null);
  }

  /**
   * Replaces the secret; the old one keeps verifying deliveries for {@link #SECRET_GRACE}. Two rotations
   * racing each other: one wins, the other gets a 409.
   */
  public IssuedSecret rotateSecret(Caller caller, String workspaceId) {
    workspaces.requireMember(caller, workspaceId);
    SecretRing current =
        store.secrets(workspaceId)
            .orElseThrow(
                () -> FlowForgeException.notFound("Webhook secret of this workspace (create one first)"));
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    SecretRing rotated =
        store.rotateSecrets(
            workspaceId,
            new SecretRing(
                WebhookSecret.generate(), current.current(), now.plus(SECRET_GRACE), current.createdAt(), now,
                current.version()));
    return new IssuedSecret(rotated.current().encoded(), rotated.createdAt(), rotated.rotatedAt(), rotated.previousValidUntil());
  }

  // ---- alert destinations

  public DestinationView createDestination(
      Caller caller, String workspaceId, MonitoringRequests.CreateDestination request) {
    workspaces.requireMember(caller, workspaceId);
    String name = Names.require("/name", "Destination name", request.name());
    AlertDestination.Kind kind;
    try {
      kind = AlertDestination.Kind.valueOf(request.kind() == null ? "" : request.kind().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw FlowForgeException.invalid("/kind", "kind must be SLACK (incoming-webhook payload) or GENERIC (signed JSON).");
    }
    URI url = parseUrl(request.url());
    delivery.guard().check(url, localWorkspaces);
    WebhookSecret secret = kind == AlertDestination.Kind.GENERIC ? WebhookSecret.generate() : null;
    Destination destination =
        new Destination(Ids.newId("dest"), name, kind, url, secret, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    store.addDestination(workspaceId, destination);
    return new DestinationView(
        destination.id(), name, kind, url, destination.createdAt(), secret == null ? null : secret.encoded());
  }

  private static URI parseUrl(String text) {
    if (text == null || text.isBlank() || text.length() > MAX_URL_LENGTH) {
      throw FlowForgeException.invalid("/url", "url is required: an https URL of at most " + MAX_URL_LENGTH + " characters.");
    }
    try {
      URI url = new URI(text.trim());
      if (!url.isAbsolute()) {
        throw FlowForgeException.invalid("/url", "url must be absolute, e.g. https://hooks.example.com/flowforge.");
      }
      return url;
    } catch (URISyntaxException e) {
      throw FlowForgeException.invalid("/url", "url is not a valid URL: " + e.getReason() + ".");
    }
  }

  public List<DestinationView> destinations(Caller caller, String workspaceId) {
    workspaces.requireMember(caller, workspaceId);
    return store.destinations(workspaceId).stream()
        .map(d -> new DestinationView(d.id(), d.name(), d.kind(), d.url(), d.createdAt(), null))
        .toList();
  }

  /** Sends a sample alert once, without retries, and says how it went. */
  public TestSend testSend(Caller caller, String workspaceId, String destinationId) {
    workspaces.requireMember(caller, workspaceId);
    if (!Ids.isWellFormed(destinationId)) {
      throw FlowForgeException.notFound("Destination " + Ids.printable(destinationId));
    }
    Destination destination =
        store.destination(workspaceId, destinationId)
            .orElseThrow(() -> FlowForgeException.notFound("Destination " + destinationId));
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Anomaly sample =
        new Anomaly(now, 120, 1000, 800, 1200, io.flowforge.anomaly.Severity.HIGH, 0.9,
            io.flowforge.anomaly.BaselineKind.MEDIAN_MAD, List.of());
    AlertMessage message =
        new AlertMessage("test_" + now.getEpochSecond(), workspaceId, "flowforge-test", "rows:example", sample, null);
    try {
      AlertDelivery.Outcome outcome =
          delivery.testSends().deliver(destination.toAlertDestination(), message, localWorkspaces);
      return new TestSend(
          outcome.delivered(), outcome.attempts(), outcome.deadLetter().map(letter -> letter.lastError()).orElse(null));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlowForgeException(ProblemType.UNAVAILABLE, "The test delivery was interrupted; retry.");
    }
  }

  public List<DeadLetterView> deadLetters(Caller caller, String workspaceId) {
    workspaces.requireMember(caller, workspaceId);
    return store.deadLetters(workspaceId).stream()
        .map(l -> new DeadLetterView(l.destinationId(), l.alertId(), l.webhookId(), l.attempts(), l.lastError(), l.at()))
        .toList();
  }

  // ---- ids

  /** Deterministic per job and metric, so every report of a series finds the same monitor. */
  public static String monitorId(String job, String metric) {
    // Length-prefixed: senders choose job names, so no separator character is safe on its own.
    return "mon_" + hashId(job.length() + ":" + job + "\n" + metric);
  }

  /** Deterministic per monitor and point: however often a window is rerun, a point is recorded once. */
  public static String anomalyId(String monitorId, Instant at) {
    return "an_" + hashId(monitorId + "\n" + at.toEpochMilli());
  }

  private static String hashId(String text) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    char[] alphabet = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      id.append(alphabet[(digest[i] & 0xff) % 32]);
    }
    return id.toString();
  }
}
