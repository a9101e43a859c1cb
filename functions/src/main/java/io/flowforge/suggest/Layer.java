package io.flowforge.suggest;

import io.flowforge.core.FlowForgeException;
import java.util.Locale;

/** Medallion layers suggestions are made for. */
public enum Layer {
  BRONZE,
  SILVER,
  GOLD;

  public static Layer parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw FlowForgeException.invalid("/layer", "Unknown layer '" + text + "'; use bronze, silver or gold.");
    }
  }
}
