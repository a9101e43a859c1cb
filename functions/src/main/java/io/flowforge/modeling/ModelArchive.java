package io.flowforge.modeling;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flowforge.core.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A generated model as a zip: every rendered file (ddl/, etl/, test/, docs/, uc/, model.yaml) plus the canvas
 * graph as flow.json, under one folder named after the model, in the generator's order.
 */
public final class ModelArchive {
  /** Entries carry a fixed time so the same version always zips to the same bytes. */
  private static final long ENTRY_TIME = 946_684_800_000L;

  private ModelArchive() {}

  public static byte[] zip(String folder, GeneratedModel model) {
    Map<String, String> files = new LinkedHashMap<>(model.files());
    files.put("flow.json", flowJson(model));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        ZipEntry entry = new ZipEntry(folder + "/" + file.getKey());
        entry.setTime(ENTRY_TIME);
        zip.putNextEntry(entry);
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A folder name from a model name: letters, digits, dashes and underscores only. */
  public static String folderName(String modelName, long version) {
    String safe = modelName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
    return (safe.isEmpty() ? "model" : safe) + "-v" + version;
  }

  private static String flowJson(GeneratedModel model) {
    try {
      return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(model.flow());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a flow graph is always serialisable", e);
    }
  }
}
