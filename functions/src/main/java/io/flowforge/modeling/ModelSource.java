package io.flowforge.modeling;

import java.util.List;

/**
 * How a model was generated: the workspace datasets it was designed from, the style and the options. Kept
 * with every saved version so a later change ("make it type 1") regenerates from the same inputs.
 *
 * @param datasetIds the workspace's datasets the model was designed from, in request order
 * @param options the generator's options; null means the defaults
 */
public record ModelSource(List<String> datasetIds, ModelRequest.ModelStyle style, ModelRequest.Options options) {
  public ModelSource {
    datasetIds = datasetIds == null ? List.of() : List.copyOf(datasetIds);
    // Normalised so "no options" and "default options" hash alike and save as one version.
    options = options == null ? ModelRequest.Options.defaults() : options;
  }
}
