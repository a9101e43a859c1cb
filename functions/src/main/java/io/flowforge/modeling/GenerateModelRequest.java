package io.flowforge.modeling;

import io.flowforge.core.FlowForgeException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A request to design a model from workspace datasets, as the API receives it; with {@code name} it is a save.
 *
 * @param name the model's name when saving; ignored by generate
 * @param style {@code kimball} or {@code data_vault} ({@code data-vault} accepted)
 * @param datasetIds the workspace's datasets to design from
 * @param options the generator's choices (SCD type per dimension, attributes per entity …); null for defaults
 */
public record GenerateModelRequest(String name, String style, List<String> datasetIds, ModelRequest.Options options) {

  /** The generation source this request describes, or a 400 naming the field that is wrong. */
  public ModelSource toSource() {
    if (datasetIds != null && datasetIds.stream().anyMatch(Objects::isNull)) {
      throw FlowForgeException.invalid("/datasetIds", "datasetIds holds a null; list dataset ids as strings.");
    }
    if (options != null) {
      options.attributes().forEach((entity, columns) -> {
        if (columns == null || columns.stream().anyMatch(Objects::isNull)) {
          throw FlowForgeException.invalid(
              "/options/attributes", "Attributes of '" + entity + "' must be a list of column names without nulls.");
        }
      });
    }
    return new ModelSource(datasetIds, parseStyle(style), options);
  }

  static ModelRequest.ModelStyle parseStyle(String style) {
    if (style == null) {
      throw FlowForgeException.invalid("/style", "style is required: kimball or data_vault.");
    }
    return switch (style.toLowerCase(Locale.ROOT).replace('-', '_')) {
      case "kimball" -> ModelRequest.ModelStyle.KIMBALL;
      case "data_vault" -> ModelRequest.ModelStyle.DATA_VAULT;
      default -> throw FlowForgeException.invalid("/style", "Unknown style; use kimball or data_vault.");
    };
  }
}
