package io.flowforge.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** The offline architect's wording, kept in {@code assistant/offline-architect.properties}. */
public final class ArchitectTexts {
  private static final String RESOURCE = "assistant/offline-architect.properties";
  private final Properties texts;

  private ArchitectTexts(Properties texts) {
    this.texts = texts;
  }

  public static ArchitectTexts standard() {
    Properties properties = new Properties();
    try (InputStream in = ArchitectTexts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + RESOURCE + " on the classpath");
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArchitectTexts(properties);
  }

  public String get(String key) {
    String text = texts.getProperty(key);
    if (text == null) {
      throw new IllegalStateException("No text '" + key + "' in " + RESOURCE);
    }
    return text;
  }

  public String format(String key, Object... arguments) {
    return new MessageFormat(get(key).replace("'", "''"), Locale.ROOT).format(arguments);
  }
}
