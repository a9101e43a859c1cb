package io.flowforge.webhooks;

import io.flowforge.anomaly.Anomaly;
import io.flowforge.anomaly.LikelyCause;
import java.util.List;

/** An anomaly ready to send: which workspace, job and metric it concerns, and a link to review it. */
public record AlertMessage(String alertId, String workspaceId, String job, String metric, Anomaly anomaly, String link) {
  public List<LikelyCause> topCauses(int limit) {
    return anomaly.causes().stream().limit(limit).toList();
  }
}
