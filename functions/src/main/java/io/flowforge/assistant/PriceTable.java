package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Prices per million tokens by model, from {@code assistant/prices.json}. A cross-region inference profile
 * ({@code us.}, {@code eu.}, {@code apac.}, {@code global.}) costs what its model costs.
 */
public final class PriceTable {
  private static final String RESOURCE = "assistant/prices.json";
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private final JsonNode models;

  private PriceTable(JsonNode models) {
    this.models = models;
  }

  public static PriceTable standard() {
    try (InputStream in = PriceTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + RESOURCE + " on the classpath");
      }
      return new PriceTable(Json.mapper().readTree(in).path("models"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean knows(String modelId) {
    return models.has(baseModel(modelId));
  }

  public Usage usage(String modelId, long inputTokens, long outputTokens) {
    JsonNode price = models.get(baseModel(modelId));
    if (price == null) {
      throw new IllegalStateException("No price for model " + modelId + " in " + RESOURCE + "; add it there");
    }
    BigDecimal cost =
        price.path("inputPerMillionUsd").decimalValue().multiply(BigDecimal.valueOf(inputTokens))
            .add(price.path("outputPerMillionUsd").decimalValue().multiply(BigDecimal.valueOf(outputTokens)))
            .divide(MILLION, MathContext.DECIMAL64);
    return new Usage(inputTokens, outputTokens, cost);
  }

  static String baseModel(String modelId) {
    return modelId.replaceFirst("^(us|eu|apac|global|jp|au|us-gov)\\.", "");
  }
}
