package io.flowforge.anomaly.nab;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A NAB application profile: the weights of a true positive, a false positive and a missed window. */
public record NabProfile(String name, double tpWeight, double fpWeight, double fnWeight) {
  /** Reads {@code config/profiles.json} of a NAB checkout, in file order. */
  public static List<NabProfile> load(Path profilesJson) {
    try {
      JsonNode root = Json.mapper().readTree(profilesJson.toFile());
      List<NabProfile> profiles = new ArrayList<>();
      root.fields()
          .forEachRemaining(
              entry -> {
                JsonNode costs = entry.getValue().get("CostMatrix");
                profiles.add(
                    new NabProfile(
                        entry.getKey(),
                        costs.get("tpWeight").asDouble(),
                        costs.get("fpWeight").asDouble(),
                        costs.get("fnWeight").asDouble()));
              });
      return profiles;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read NAB profiles " + profilesJson, e);
    }
  }
}
