package io.flowforge.profiles;

import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import io.flowforge.dataset.Dataset;
import io.flowforge.dataset.DatasetService;
import io.flowforge.dataset.DatasetStatus;
import io.flowforge.profiling.CandidateKey;
import io.flowforge.profiling.ColumnProfile;
import io.flowforge.profiling.DuckDbEngine;
import io.flowforge.profiling.Profiler;
import io.flowforge.profiling.Relationship;
import io.flowforge.profiling.RelationshipFinder;
import io.flowforge.profiling.SparkSqlDialect;
import io.flowforge.profiling.TableProfile;
import io.flowforge.profiling.TableRef;
import io.flowforge.quality.QualityRule;
import io.flowforge.quality.Reconciler;
import io.flowforge.quality.Reconciliation;
import io.flowforge.quality.RuleExporter;
import io.flowforge.quality.RuleGenerator;
import io.flowforge.quality.RuleRunner;
import io.flowforge.suggest.Layer;
import io.flowforge.suggest.LayerSuggestions;
import io.flowforge.suggest.Suggester;
import io.flowforge.suggest.Suggestion;
import io.flowforge.workspace.WorkspaceService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Profiles a workspace's datasets and keeps the result: versioned profiles, suggestions per layer with the
 * decisions people take on them, and the quality rules and reconciliations that follow from both. Every
 * call checks membership first (through {@link WorkspaceService#requireMember} or {@link DatasetService},
 * which calls it), so another workspace's ids answer the same 404 as ids that do not exist.
 */
public final class ProfilingService {
  /** Largest override a person may store on a suggestion, as JSON text. */
  static final int MAX_OVERRIDE_CHARS = 16_384;
  /** Most key columns a reconciliation may name. */
  static final int MAX_KEY_COLUMNS = 8;
  /** Most datasets related in one call: each is loaded into the engine. */
  static final int MAX_RELATED_DATASETS = 50;
  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  private static final Pattern SHOWN = Pattern.compile("[A-Za-z0-9_-]{1,40}");

  private final WorkspaceService workspaces;
  private final DatasetService datasets;
  private final ProfileStore profiles;
  private final SuggestionStore suggestions;
  private final Clock clock;

  public ProfilingService(
      WorkspaceService workspaces,
      DatasetService datasets,
      ProfileStore profiles,
      SuggestionStore suggestions,
      Clock clock) {
    this.workspaces = workspaces;
    this.datasets = datasets;
    this.profiles = profiles;
    this.suggestions = suggestions;
    this.clock = clock;
  }

  /**
   * Profiles the dataset's file and stores the result as the next version. A re-profile reports what
   * changed, replaces undecided suggestions with fresh ones, and marks decisions that rest on a changed or
   * gone column.
   */
  public StoredProfile profile(Caller caller, String workspaceId, String datasetId) {
    Dataset dataset = datasets.get(caller, workspaceId, datasetId);
    TableProfile measured =
        datasets.withFile(caller, workspaceId, datasetId, path -> {
          try (DuckDbEngine engine = new DuckDbEngine();
              DatasetFiles.Named named = DatasetFiles.named(path, dataset.format())) {
            return new Profiler(engine).profile(engine.register(named.path(), dataset.name()));
          }
        });
    Optional<StoredProfile> previous = profiles.latest(workspaceId, datasetId);
    List<StoredSuggestion> stored = suggestions.listAll(workspaceId, datasetId);
    ProfileChanges changes =
        previous.map(p -> ProfileDiff.compare(p.version(), p.profile(), measured)).orElse(null);
    if (changes != null) {
      changes = changes.withAffectedSuggestions(affected(stored, changes, measured));
    }
    StoredProfile record =
        new StoredProfile(
            datasetId, previous.map(p -> p.version() + 1).orElse(1), measured, changes, now(), caller.subject());
    profiles.create(workspaceId, record);
    refreshSuggestions(workspaceId, record, stored, changes);
    return record;
  }

  /** The newest stored profile; a conflict if the dataset was never profiled. */
  public StoredProfile latestProfile(Caller caller, String workspaceId, String datasetId) {
    datasets.get(caller, workspaceId, datasetId);
    return requireProfile(workspaceId, datasetId);
  }

  /** Every stored version of the dataset's profile, newest first. */
  public List<ProfileVersion> versions(Caller caller, String workspaceId, String datasetId) {
    datasets.get(caller, workspaceId, datasetId);
    return profiles.versions(workspaceId, datasetId);
  }

  /**
   * The dataset's suggestions for a layer: the stored ones, or — for a profile stored before suggestions
   * were kept — fresh ones computed from the latest profile (version 0 until someone decides on them).
   */
  public LayerView suggestions(Caller caller, String workspaceId, String datasetId, String layerName) {
    datasets.get(caller, workspaceId, datasetId);
    Layer layer = Layer.parse(layerName);
    StoredProfile latest = requireProfile(workspaceId, datasetId);
    List<StoredSuggestion> proposals = proposals(latest, layer);
    List<StoredSuggestion> items = suggestions.list(workspaceId, datasetId, layer);
    if (items.isEmpty()) {
      items = proposals;
    }
    items = inWizardOrder(items, proposals);
    List<QualityRule> rules = layer == Layer.SILVER ? rules(workspaceId, latest, References.NONE) : List.of();
    return new LayerView(
        datasetId, layer.name().toLowerCase(Locale.ROOT), latest.version(), latest.profile().rowCount(), items,
        rules);
  }

  /**
   * Records a person's decision on one suggestion. The request carries the version the person saw; if the
   * suggestion changed since, the decision is refused with a conflict so nobody's choice is lost.
   */
  public StoredSuggestion decide(
      Caller caller, String workspaceId, String datasetId, String layerName, String kind, DecisionRequest request) {
    datasets.get(caller, workspaceId, datasetId);
    Layer layer = Layer.parse(layerName);
    SuggestionStatus decision = decision(request);
    StoredProfile latest = requireProfile(workspaceId, datasetId);
    StoredSuggestion current =
        stored(workspaceId, datasetId, layer, kind)
            .or(() -> proposals(latest, layer).stream().filter(s -> s.kind().equals(kind)).findFirst())
            .orElseThrow(
                () ->
                    FlowForgeException.notFound(
                        "Suggestion '" + shown(kind) + "' for the " + layer.name().toLowerCase(Locale.ROOT)
                            + " layer of dataset " + datasetId));
    if (current.version() != request.version()) {
      throw new FlowForgeException(
          ProblemType.CONFLICT,
          "Suggestion '" + kind + "' is at version " + current.version() + " but the decision was made on version "
              + request.version() + ": someone changed it meanwhile. Reload the suggestions and decide again.",
          "/version",
          null);
    }
    if (decision == SuggestionStatus.ADJUSTED) {
      requireSensibleOverride(kind, request.override(), latest.profile());
    }
    return suggestions.save(
        workspaceId,
        current.decided(
            decision, decision == SuggestionStatus.ADJUSTED ? request.override() : null, caller.subject(), now()));
  }

  /**
   * Quality rules for the dataset, derived from its latest profile and the key and watermark decided so far
   * (a rejected key or watermark is left out; an undecided one follows the suggestion).
   */
  public RuleSet generateRules(Caller caller, String workspaceId, String datasetId) {
    datasets.get(caller, workspaceId, datasetId);
    StoredProfile latest = requireProfile(workspaceId, datasetId);
    return new RuleSet(
        datasetId, latest.version(), rules(workspaceId, latest, references(caller, workspaceId, datasetId)));
  }

  /** Runs the dataset's rules on its file: pass rate per rule and a few failing rows, personal data masked. */
  public RuleRun runRules(Caller caller, String workspaceId, String datasetId) {
    Dataset dataset = datasets.get(caller, workspaceId, datasetId);
    StoredProfile latest = requireProfile(workspaceId, datasetId);
    References references = references(caller, workspaceId, datasetId);
    List<QualityRule> rules = rules(workspaceId, latest, references);
    List<Dataset> files = new ArrayList<>(List.of(dataset));
    files.addAll(references.targets().values());
    return withFiles(caller, workspaceId, files, paths -> {
      List<DatasetFiles.Named> named = new ArrayList<>();
      try (DuckDbEngine engine = new DuckDbEngine()) {
        for (int i = 0; i < files.size(); i++) {
          named.add(DatasetFiles.named(paths.get(i), files.get(i).format()));
        }
        TableRef table = engine.register(named.get(0).path(), dataset.name());
        requireSameColumns(table, latest);
        // Referenced tables under the names the relationships use, so REFERENTIAL rules find them.
        Map<String, TableRef> others = new HashMap<>();
        List<String> targetNames = List.copyOf(references.targets().keySet());
        for (int i = 0; i < targetNames.size(); i++) {
          others.put(targetNames.get(i), engine.register(named.get(i + 1).path(), "ref_" + i));
        }
        var results = new RuleRunner(engine).run(table, latest.profile(), rules, others);
        Map<String, QualityRule> byId = new HashMap<>();
        rules.forEach(rule -> byId.put(rule.id(), rule));
        return new RuleRun(
            datasetId,
            latest.version(),
            results.stream().map(r -> new RuleRun.Outcome(byId.get(r.ruleId()), r)).toList());
      } finally {
        named.forEach(DatasetFiles.Named::close);
      }
    });
  }

  /** The dataset's rules as YAML, Delta {@code CHECK} constraints or pipeline expectations. */
  public RuleExport export(Caller caller, String workspaceId, String datasetId, String format) {
    Dataset dataset = datasets.get(caller, workspaceId, datasetId);
    StoredProfile latest = requireProfile(workspaceId, datasetId);
    List<QualityRule> rules = rules(workspaceId, latest, references(caller, workspaceId, datasetId));
    return switch (format) {
      case "yaml" -> new RuleExport(format, "application/yaml", RuleExporter.yaml(dataset.name(), rules));
      case "check" ->
          new RuleExport(
              format,
              "application/sql",
              String.join("\n", RuleExporter.checks(SparkSqlDialect.INSTANCE.quote(dataset.name()), rules)));
      case "expect" ->
          new RuleExport(format, "application/sql", String.join("\n", RuleExporter.expectations(rules)));
      default ->
          throw FlowForgeException.invalid(
              "/format",
              "Unknown export format '" + shown(format) + "'; use yaml, check (Delta CHECK constraints) or"
                  + " expect (pipeline expectations).");
    };
  }

  /**
   * Compares this dataset (the source) with a target dataset: row counts, keys missing or extra, column
   * sums and checksums.
   */
  public ReconcileResult reconcile(
      Caller caller, String workspaceId, String sourceId, ReconcileRequest request) {
    Dataset source = datasets.get(caller, workspaceId, sourceId);
    if (request.targetDatasetId() == null || request.targetDatasetId().isBlank()) {
      throw FlowForgeException.invalid(
          "/targetDatasetId", "targetDatasetId is required: the dataset to compare with.");
    }
    Dataset target = datasets.get(caller, workspaceId, request.targetDatasetId());
    List<String> key = reconcileKey(workspaceId, source, request.key());
    Reconciliation result =
        withFiles(caller, workspaceId, List.of(source, target), paths -> {
          try (DuckDbEngine engine = new DuckDbEngine();
              DatasetFiles.Named sourceFile = DatasetFiles.named(paths.get(0), source.format());
              DatasetFiles.Named targetFile = DatasetFiles.named(paths.get(1), target.format())) {
            TableRef sourceTable = engine.register(sourceFile.path(), "source");
            return new Reconciler(engine).reconcile(sourceTable, engine.register(targetFile.path(), "target"), key);
          }
        });
    return new ReconcileResult(sourceId, target.id(), key, result.matches(), result);
  }

  /**
   * Foreign-key candidates and role hints across the workspace's profiled datasets, measured on their
   * files; ready datasets without a profile are listed as left out.
   */
  public WorkspaceRelationships relationships(Caller caller, String workspaceId) {
    workspaces.requireMember(caller, workspaceId);
    List<Dataset> profiled = new ArrayList<>();
    List<StoredProfile> stored = new ArrayList<>();
    List<String> unprofiled = new ArrayList<>();
    for (Dataset dataset : datasets.list(caller, workspaceId)) {
      if (dataset.status() != DatasetStatus.READY) {
        continue;
      }
      Optional<StoredProfile> latest = profiles.latest(workspaceId, dataset.id());
      if (latest.isPresent()) {
        profiled.add(dataset);
        stored.add(latest.get());
      } else {
        unprofiled.add(dataset.id());
      }
    }
    if (profiled.size() > MAX_RELATED_DATASETS) {
      throw new FlowForgeException(
          ProblemType.UNPROCESSABLE,
          "The workspace has " + profiled.size() + " profiled datasets; relationships are found across at most "
              + MAX_RELATED_DATASETS + ". Split the datasets over several workspaces.");
    }
    List<WorkspaceRelationships.Table> tables = tableNames(profiled, stored);
    return withFiles(caller, workspaceId, profiled, paths -> {
      List<DatasetFiles.Named> named = new ArrayList<>();
      try (DuckDbEngine engine = new DuckDbEngine()) {
        List<TableRef> refs = new ArrayList<>();
        List<TableProfile> renamed = new ArrayList<>();
        for (int i = 0; i < profiled.size(); i++) {
          named.add(DatasetFiles.named(paths.get(i), profiled.get(i).format()));
          refs.add(engine.register(named.get(i).path(), tables.get(i).name()));
          renamed.add(renamed(stored.get(i).profile(), tables.get(i).name()));
        }
        List<Relationship> relationships = new RelationshipFinder(engine).find(refs, renamed);
        return new WorkspaceRelationships(
            tables, relationships, RelationshipFinder.roles(renamed, relationships), unprofiled);
      } finally {
        named.forEach(DatasetFiles.Named::close);
      }
    });
  }

  /**
   * Rules for a dataset with its key list.
   *
   * @param datasetId the dataset
   * @param profileVersion the profile they were derived from
   * @param items the rules
   */
  public record RuleSet(String datasetId, int profileVersion, List<QualityRule> items) {}

  /**
   * A reconciliation between two datasets.
   *
   * @param matches whether counts, keys, sums and checksums all agree
   */
  public record ReconcileResult(
      String sourceDatasetId, String targetDatasetId, List<String> key, boolean matches, Reconciliation details) {}

  // ---- suggestions lifecycle

  private List<StoredSuggestion> proposals(StoredProfile latest, Layer layer) {
    LayerSuggestions generated = Suggester.suggest(latest.profile(), layer, List.of());
    List<StoredSuggestion> items = new ArrayList<>();
    for (Suggestion suggestion : generated.suggestions()) {
      List<String> evidence = new ArrayList<>(ProfileDiff.columnsNamedIn(suggestion.value(), latest.profile()));
      if (suggestion.kind().equals("quality_rules")) {
        Set<String> ruleColumns = new LinkedHashSet<>(evidence);
        generated.qualityRules().forEach(rule -> ruleColumns.addAll(rule.columns()));
        evidence = List.copyOf(ruleColumns);
      }
      items.add(StoredSuggestion.proposed(latest.datasetId(), layer, suggestion, latest.version(), evidence));
    }
    return items;
  }

  /** Stored suggestions in the order the suggester makes them; kinds it no longer makes go last. */
  private static List<StoredSuggestion> inWizardOrder(
      List<StoredSuggestion> items, List<StoredSuggestion> proposals) {
    List<String> order = proposals.stream().map(StoredSuggestion::kind).toList();
    return items.stream()
        .sorted(Comparator.comparingInt(s -> order.contains(s.kind()) ? order.indexOf(s.kind()) : order.size()))
        .toList();
  }

  /**
   * Undecided suggestions are replaced by the new profile's; decisions stay, marked when a column they rest
   * on changed. A decision taken concurrently wins over the refresh.
   */
  private void refreshSuggestions(
      String workspaceId, StoredProfile latest, List<StoredSuggestion> stored, ProfileChanges changes) {
    Map<String, StoredSuggestion> existing = new HashMap<>();
    stored.forEach(s -> existing.put(s.layer() + "/" + s.kind(), s));
    Set<String> review = changes == null ? Set.of() : new HashSet<>(changes.reviewColumns());
    for (Layer layer : Layer.values()) {
      for (StoredSuggestion proposal : proposals(latest, layer)) {
        StoredSuggestion before = existing.remove(layer + "/" + proposal.kind());
        try {
          if (before == null) {
            suggestions.save(workspaceId, proposal);
          } else if (!before.status().decided()) {
            suggestions.save(workspaceId, withVersion(proposal, before.version()));
          } else {
            List<String> touched = restsOn(before, latest.profile()).stream().filter(review::contains).toList();
            if (!touched.isEmpty()) {
              suggestions.save(workspaceId, before.changedSince(touched));
            }
          }
        } catch (FlowForgeException e) {
          if (e.type() != ProblemType.CONFLICT) {
            throw e;
          }
        }
      }
    }
    existing.values().stream()
        .filter(s -> !s.status().decided())
        .forEach(s -> suggestions.delete(workspaceId, s.datasetId(), s.layer(), s.kind()));
  }

  private static List<String> affected(
      List<StoredSuggestion> stored, ProfileChanges changes, TableProfile profile) {
    Set<String> review = new HashSet<>(changes.reviewColumns());
    return stored.stream()
        .filter(s -> s.status().decided() && restsOn(s, profile).stream().anyMatch(review::contains))
        .map(s -> s.layer().name().toLowerCase(Locale.ROOT) + "/" + s.kind())
        .toList();
  }

  /** The suggestion's evidence columns and any column its override names (gone columns included). */
  private static Set<String> restsOn(StoredSuggestion suggestion, TableProfile profile) {
    Set<String> columns = new LinkedHashSet<>(suggestion.evidenceColumns());
    if (suggestion.override() != null) {
      columns.addAll(ProfileDiff.columnsNamedIn(suggestion.override(), profile));
    }
    return columns;
  }

  private static StoredSuggestion withVersion(StoredSuggestion s, long version) {
    return new StoredSuggestion(
        s.datasetId(), s.layer(), s.kind(), s.suggestion(), s.profileVersion(), s.evidenceColumns(), s.status(),
        s.override(), s.decidedBy(), s.decidedAt(), s.changedSinceDecision(), s.changedColumns(), version);
  }

  private static SuggestionStatus decision(DecisionRequest request) {
    if (request.version() == null || request.version() < 0) {
      throw FlowForgeException.invalid(
          "/version", "version is required: the suggestion version you decided on (0 for one not stored yet).");
    }
    String action = request.action() == null ? "" : request.action();
    SuggestionStatus status =
        switch (action) {
          case "accept" -> SuggestionStatus.ACCEPTED;
          case "adjust" -> SuggestionStatus.ADJUSTED;
          case "reject" -> SuggestionStatus.REJECTED;
          default ->
              throw FlowForgeException.invalid(
                  "/action", "action must be accept, adjust or reject, not '" + shown(action) + "'.");
        };
    if (status == SuggestionStatus.ADJUSTED && (request.override() == null || request.override().isEmpty())) {
      throw FlowForgeException.invalid("/override", "adjust needs an override: the setting to use instead.");
    }
    if (status != SuggestionStatus.ADJUSTED && request.override() != null) {
      throw FlowForgeException.invalid(
          "/override", "Only adjust takes an override; send action \"adjust\" to change the setting.");
    }
    return status;
  }

  /**
   * An override is stored as given, within a size bound; where it names columns the wizard relies on (a
   * primary key, a watermark) they must exist in the profile.
   */
  private static void requireSensibleOverride(String kind, Map<String, Object> override, TableProfile profile) {
    if (jsonLength(override) > MAX_OVERRIDE_CHARS) {
      throw new FlowForgeException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "The override is longer than " + MAX_OVERRIDE_CHARS
              + " characters of JSON; keep only the settings you change.",
          "/override",
          null);
    }
    Set<String> columns = profile.columns().stream().map(ColumnProfile::name).collect(Collectors.toSet());
    if (kind.equals("primary_key")) {
      List<String> key = stringList(override.get("columns"));
      if (key == null || key.isEmpty() || !columns.containsAll(key)) {
        throw FlowForgeException.invalid(
            "/override/columns", "columns must be a non-empty list of the dataset's column names, e.g. [\"id\"].");
      }
    }
    if (kind.equals("incremental_load") && Boolean.TRUE.equals(override.get("enabled"))) {
      Object watermark = override.get("watermark_column");
      if (!(watermark instanceof String name) || !columns.contains(name)) {
        throw FlowForgeException.invalid(
            "/override/watermark_column", "watermark_column must name one of the dataset's columns.");
      }
    }
  }

  private static int jsonLength(Map<String, Object> override) {
    try {
      return Json.mapper().writeValueAsString(override).length();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw FlowForgeException.invalid("/override", "The override could not be read as JSON.");
    }
  }

  private static List<String> stringList(Object value) {
    if (!(value instanceof List<?> items) || !items.stream().allMatch(String.class::isInstance)) {
      return null;
    }
    return items.stream().map(String.class::cast).toList();
  }

  // ---- rules

  private List<QualityRule> rules(String workspaceId, StoredProfile latest, References references) {
    TableProfile profile = latest.profile();
    Map<String, StoredSuggestion> decided = new HashMap<>();
    suggestions.listAll(workspaceId, latest.datasetId()).stream()
        .filter(s -> s.status().decided())
        .forEach(s -> decided.put(s.layer() + "/" + s.kind(), s));
    Set<String> columns = profile.columns().stream().map(ColumnProfile::name).collect(Collectors.toSet());
    List<String> key = profile.primaryKey().map(CandidateKey::columns).orElse(List.of());
    StoredSuggestion keyDecision = decided.get(Layer.SILVER + "/primary_key");
    if (keyDecision != null) {
      List<String> chosen = stringList(keyDecision.effectiveValue().get("columns"));
      key = keyDecision.status() == SuggestionStatus.REJECTED || chosen == null || !columns.containsAll(chosen)
          ? List.of() : chosen;
    }
    String watermark = suggestedWatermark(profile);
    StoredSuggestion loadDecision = decided.get(Layer.BRONZE + "/incremental_load");
    if (loadDecision != null) {
      Map<String, Object> value = loadDecision.effectiveValue();
      boolean off = loadDecision.status() == SuggestionStatus.REJECTED || !Boolean.TRUE.equals(value.get("enabled"));
      watermark = !off && value.get("watermark_column") instanceof String name && columns.contains(name) ? name : null;
    }
    return RuleGenerator.generate(
        renamed(profile, references.tableName()), key, watermark, references.relationships());
  }

  /**
   * The foreign keys leaving one dataset, found across the workspace's profiled datasets, with the datasets
   * they point at by table name. Reading every profiled file is why only the explicit quality operations
   * (generate, run, export) look for them, never the suggestion reads.
   */
  private References references(Caller caller, String workspaceId, String datasetId) {
    WorkspaceRelationships found;
    try {
      found = relationships(caller, workspaceId);
    } catch (FlowForgeException tooMany) {
      return References.NONE; // more profiled datasets than relationships are searched across
    }
    Map<String, String> datasetByTable = new HashMap<>();
    found.tables().forEach(t -> datasetByTable.put(t.name(), t.datasetId()));
    String tableName =
        found.tables().stream()
            .filter(t -> t.datasetId().equals(datasetId))
            .map(WorkspaceRelationships.Table::name)
            .findFirst()
            .orElse(null);
    if (tableName == null) {
      return References.NONE;
    }
    List<Relationship> leaving =
        found.relationships().stream().filter(r -> r.fromTable().equals(tableName)).toList();
    Map<String, Dataset> targets = new LinkedHashMap<>();
    for (Relationship r : leaving) {
      String target = datasetByTable.get(r.toTable());
      if (target != null && !target.equals(datasetId)) {
        targets.computeIfAbsent(r.toTable(), name -> datasets.get(caller, workspaceId, target));
      }
    }
    List<Relationship> runnable = leaving.stream().filter(r -> targets.containsKey(r.toTable())).toList();
    return new References(tableName, runnable, targets);
  }

  /**
   * Foreign keys leaving a dataset.
   *
   * @param tableName the dataset's table name in the relationships (null: the profile's own name)
   * @param relationships the foreign keys whose target dataset is known
   * @param targets referenced datasets by table name
   */
  private record References(String tableName, List<Relationship> relationships, Map<String, Dataset> targets) {
    static final References NONE = new References(null, List.of(), Map.of());
  }

  private static String suggestedWatermark(TableProfile profile) {
    return Suggester.suggest(profile, Layer.BRONZE, List.of()).suggestions().stream()
        .filter(s -> s.kind().equals("incremental_load") && Boolean.TRUE.equals(s.value().get("enabled")))
        .map(s -> (String) s.value().get("watermark_column"))
        .findFirst()
        .orElse(null);
  }

  private static void requireSameColumns(TableRef table, StoredProfile latest) {
    List<String> now = table.columns().stream().map(TableRef.Column::name).toList();
    List<String> profiled = latest.profile().columns().stream().map(ColumnProfile::name).toList();
    if (!now.equals(profiled)) {
      throw new FlowForgeException(
          ProblemType.CONFLICT,
          "The dataset's columns changed since profile version " + latest.version()
              + ". Profile it again, then run the rules.");
    }
  }

  // ---- reconciliation and relationships

  private List<String> reconcileKey(String workspaceId, Dataset source, List<String> requested) {
    if (requested != null) {
      boolean blank = requested.stream().anyMatch(c -> c == null || c.isBlank());
      if (requested.isEmpty() || requested.size() > MAX_KEY_COLUMNS || blank) {
        throw FlowForgeException.invalid(
            "/key", "key must list 1 to " + MAX_KEY_COLUMNS + " column names present in both datasets.");
      }
      return List.copyOf(requested);
    }
    StoredProfile latest =
        profiles.latest(workspaceId, source.id())
            .orElseThrow(
                () ->
                    new FlowForgeException(
                        ProblemType.UNPROCESSABLE,
                        "No key given and the source was never profiled. Pass key, or profile the source first.",
                        "/key",
                        null));
    StoredSuggestion keyDecision =
        suggestions.find(workspaceId, source.id(), Layer.SILVER, "primary_key")
            .filter(s -> s.status() == SuggestionStatus.ACCEPTED || s.status() == SuggestionStatus.ADJUSTED)
            .orElse(null);
    List<String> key =
        keyDecision != null
            ? stringList(keyDecision.effectiveValue().get("columns"))
            : latest.profile().primaryKey().map(CandidateKey::columns).orElse(null);
    if (key == null || key.isEmpty()) {
      throw new FlowForgeException(
          ProblemType.UNPROCESSABLE, "The source has no primary key to compare by. Pass key.", "/key", null);
    }
    return key;
  }

  private static List<WorkspaceRelationships.Table> tableNames(
      List<Dataset> profiled, List<StoredProfile> stored) {
    Set<String> taken = new HashSet<>();
    List<WorkspaceRelationships.Table> tables = new ArrayList<>();
    for (int i = 0; i < profiled.size(); i++) {
      String name = profiled.get(i).name();
      for (int n = 2; !taken.add(name); n++) {
        name = profiled.get(i).name() + "_" + n;
      }
      tables.add(new WorkspaceRelationships.Table(profiled.get(i).id(), name, stored.get(i).version()));
    }
    return tables;
  }

  private static TableProfile renamed(TableProfile p, String name) {
    if (name == null) {
      return p;
    }
    return new TableProfile(
        name, p.format(), p.engine(), p.rowCount(), p.sampleSize(), p.exactDuplicateRows(), p.columns(),
        p.candidateKeys(), p.csvDialect());
  }

  /** Runs {@code reader} with local copies of all the datasets' files open at once. */
  private <T> T withFiles(
      Caller caller, String workspaceId, List<Dataset> files, Function<List<Path>, T> reader) {
    return withFiles(caller, workspaceId, files, new ArrayList<>(), reader);
  }

  private <T> T withFiles(
      Caller caller,
      String workspaceId,
      List<Dataset> files,
      List<Path> open,
      Function<List<Path>, T> reader) {
    if (open.size() == files.size()) {
      return reader.apply(List.copyOf(open));
    }
    return datasets.withFile(caller, workspaceId, files.get(open.size()).id(), path -> {
      open.add(path);
      return withFiles(caller, workspaceId, files, open, reader);
    });
  }

  /** The stored suggestion of a kind; a kind that is not a plain word is never looked up. */
  private Optional<StoredSuggestion> stored(String workspaceId, String datasetId, Layer layer, String kind) {
    return KIND.matcher(kind).matches() ? suggestions.find(workspaceId, datasetId, layer, kind) : Optional.empty();
  }

  /** A word from the request as it may appear in a message: anything odd is not echoed back. */
  private static String shown(String word) {
    return word != null && SHOWN.matcher(word).matches() ? word : "(not shown)";
  }

  private StoredProfile requireProfile(String workspaceId, String datasetId) {
    return profiles.latest(workspaceId, datasetId)
        .orElseThrow(
            () ->
                FlowForgeException.notFound(
                    "A profile of dataset " + datasetId + " (it has not been profiled yet: POST to its profile"
                        + " route first)"));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
