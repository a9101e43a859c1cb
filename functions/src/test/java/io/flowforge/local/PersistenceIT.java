package io.flowforge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.local.LocalApi.Answer;
import io.flowforge.wiring.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, tables and uploads survive a restart and the demo is seeded only once. */
class PersistenceIT {
  static final String TOKEN = "persist-token";

  @Test
  void keepsWorkspacesDatasetsAndFiles_acrossARestart(@TempDir Path dataDir) throws IOException {
    String workspace;
    String dataset;
    String demo;
    try (LocalStack first = start(dataDir)) {
      LocalApi api = new LocalApi(first.baseUri(), TOKEN);
      workspace = api.createWorkspace("Kept");
      Answer uploaded = api.upload(workspace, "kept", "csv", "a,b\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
      dataset = uploaded.json().get("id").asText();
      demo = first.demoWorkspaceId();
    }

    try (LocalStack second = start(dataDir)) {
      LocalApi api = new LocalApi(second.baseUri(), TOKEN);
      Answer workspaces = api.get("/api/workspaces");
      Answer kept = api.get(LocalApi.datasetPath(workspace, dataset));
      long rows =
          second.wiring().datasets().withFile(
              new io.flowforge.core.Caller(LocalServer.DEV_SUBJECT), workspace, dataset, path -> path.toFile().length());

      assertTrue(second.persistent());
      assertEquals(demo, second.demoWorkspaceId());
      assertEquals(2, workspaces.json().get("items").size(), workspaces.text());
      assertEquals("READY", kept.json().get("status").asText());
      assertEquals(2, kept.json().get("rowCount").asLong());
      assertEquals(12, rows);
    }
  }

  private static LocalStack start(Path dataDir) throws IOException {
    return LocalStack.start(0, Optional.of(dataDir), Settings.local(Optional.of(TOKEN)));
  }
}
