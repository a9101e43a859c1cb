package io.flowforge.local.demo;

import io.flowforge.adapters.blob.LocalFolderBlobStore;
import io.flowforge.core.Caller;
import io.flowforge.dataset.CreateDatasetRequest;
import io.flowforge.dataset.DatasetService;
import io.flowforge.dataset.DatasetUpload;
import io.flowforge.local.LocalServer;
import io.flowforge.wiring.Wiring;
import io.flowforge.workspace.CreateWorkspaceRequest;
import io.flowforge.workspace.Workspace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Seeds the local dev user's demo workspace on first start, through the same services and upload path a
 * client uses, so the demo datasets are validated like any other upload, and its pipeline monitoring
 * history through the signed webhook path ({@link DemoMonitoring}).
 */
public final class DemoWorkspace {
  public static final String NAME = "Demo: retail bank and bike shop";

  private DemoWorkspace() {}

  /**
   * The demo workspace's id, creating and filling it when the dev user has none yet; a demo workspace
   * from before monitoring was seeded gets its run history now.
   *
   * @param clock the clock {@code wiring} was built with: the run history ends the day before its today
   */
  public static String seedIfAbsent(Wiring wiring, LocalFolderBlobStore blobs, Clock clock) {
    Caller dev = new Caller(LocalServer.DEV_SUBJECT);
    String workspaceId =
        wiring.workspaces().list(dev).stream()
            .filter(workspace -> workspace.name().equals(NAME))
            .map(Workspace::id)
            .findFirst()
            .orElseGet(() -> seed(wiring, blobs, dev));
    DemoMonitoring.seedIfAbsent(wiring.monitoring(), dev, workspaceId, clock);
    return workspaceId;
  }

  private static String seed(Wiring wiring, LocalFolderBlobStore blobs, Caller dev) {
    String workspaceId = wiring.workspaces().create(dev, new CreateWorkspaceRequest(NAME)).id();
    DatasetService datasets = wiring.datasets();
    for (DemoData.Table table : DemoData.tables()) {
      byte[] bytes = table.csv().getBytes(StandardCharsets.UTF_8);
      DatasetUpload upload =
          datasets.create(
              dev,
              workspaceId,
              new CreateDatasetRequest(table.name(), table.name() + ".csv", "csv", (long) bytes.length));
      URI url = URI.create(upload.upload().url());
      String path = url.getRawPath();
      String key = path.substring(path.indexOf(LocalServer.UPLOAD_PREFIX) + LocalServer.UPLOAD_PREFIX.length());
      try {
        blobs.receive(key, url.getRawQuery(), new ByteArrayInputStream(bytes));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      datasets.complete(dev, workspaceId, upload.dataset().id());
    }
    return workspaceId;
  }
}
