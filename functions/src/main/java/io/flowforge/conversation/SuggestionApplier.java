package io.flowforge.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import io.flowforge.dataset.Dataset;
import io.flowforge.dataset.DatasetService;
import io.flowforge.dataset.DatasetStatus;
import io.flowforge.modeling.ModelRequest;
import io.flowforge.modeling.ModelService;
import io.flowforge.modeling.ModelSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a suggestion into a saved, versioned model on the canvas through {@link ModelService}. The
 * model is named after what was designed ({@code dim_product}), not after its options, so applying
 * a refinement ("make it type 1 instead") adds a version to the same model, and applying the same
 * suggestion again changes nothing.
 */
public final class SuggestionApplier {
  private final DatasetService datasets;
  private final ModelService models;

  public SuggestionApplier(DatasetService datasets, ModelService models) {
    this.datasets = datasets;
    this.models = models;
  }

  /** Saves the suggested model; the model service regenerates it from the workspace's datasets. */
  public ModelService.SaveResult apply(
      Caller caller, String workspaceId, ChatMessage.Suggestion suggestion) {
    JsonNode request = suggestion.content().path("request");
    JsonNode spec = suggestion.content().path("model").path("spec");
    if (!request.isObject() || !spec.isObject()) {
      throw new FlowForgeException(
          ProblemType.UNPROCESSABLE,
          "This suggestion has no generated model to apply (tools that did not run: "
              + suggestion.content().path("missing_tools")
              + "). Ask again once the tables have data.");
    }
    String kind = request.path("kind").asText();
    ModelRequest.ModelStyle style =
        kind.equals("DATA_VAULT")
            ? ModelRequest.ModelStyle.DATA_VAULT
            : ModelRequest.ModelStyle.KIMBALL;
    ModelRequest.Options options = ModelRequest.Options.defaults();
    if (request.hasNonNull("scdType")) {
      // The generator takes the SCD type per dimension entity; the suggestion names the ones it
      // designed.
      for (JsonNode entity : spec.path("entities")) {
        if (entity.path("pattern").asText().startsWith("kimball/scd")) {
          options =
              options.withScdType(entity.path("name").asText(), request.get("scdType").asInt());
        }
      }
    }
    ModelSource source =
        new ModelSource(
            datasetIds(caller, workspaceId, request.path("sourceTables")), style, options);
    return models.save(
        caller, workspaceId, modelName(kind, request.path("name").asText("model")), source);
  }

  static String modelName(String kind, String name) {
    String prefix =
        switch (kind) {
          case "FACT" -> "fact_";
          case "STAR" -> "star_";
          case "DATA_VAULT" -> "vault_";
          default -> "dim_";
        };
    return prefix + name.toLowerCase(Locale.ROOT);
  }

  private List<String> datasetIds(Caller caller, String workspaceId, JsonNode tables) {
    List<Dataset> ready =
        datasets.list(caller, workspaceId).stream()
            .filter(d -> d.status() == DatasetStatus.READY)
            .toList();
    List<String> ids = new ArrayList<>();
    for (JsonNode table : tables) {
      String name = table.asText();
      ids.add(
          ready.stream()
              .filter(d -> DatasetCatalogSource.tableName(d.name()).equalsIgnoreCase(name))
              .map(Dataset::id)
              .findFirst()
              .orElseThrow(
                  () ->
                      new FlowForgeException(
                          ProblemType.CONFLICT,
                          "The dataset '"
                              + name
                              + "' this suggestion was designed from is no longer in the workspace."
                              + " Upload it again or ask for a new suggestion.")));
    }
    return ids;
  }
}
