package io.flowforge.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.anomaly.Anomaly;
import io.flowforge.anomaly.LikelyCause;
import io.flowforge.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The bodies of outbound alerts: a Slack-compatible incoming-webhook message ({@code text} plus Block Kit
 * {@code blocks}, also understood by Mattermost and Rocket.Chat), and FlowForge's generic JSON event,
 * which is sent signed like inbound webhooks.
 */
public final class AlertPayloads {
  private AlertPayloads() {}

  public static byte[] slack(AlertMessage alert) {
    Anomaly a = alert.anomaly();
    String headline =
        String.format(
            Locale.ROOT,
            "%s anomaly in %s / %s: %s, expected %s (%s to %s)",
            a.severity(), alert.job(), alert.metric(), number(a.actual()), number(a.expected()), number(a.lower()), number(a.upper()));
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("text", headline);
    ArrayNode blocks = root.putArray("blocks");
    section(blocks, "*" + escape(headline) + "*\nat " + a.at() + ", confidence " + percent(a.confidence()));
    if (!a.causes().isEmpty()) {
      StringBuilder causes = new StringBuilder("*Likely causes*");
      for (LikelyCause cause : alert.topCauses(3)) {
        causes.append("\n• ").append(escape(cause.explanation())).append(" (").append(percent(cause.confidence())).append(')');
      }
      section(blocks, causes.toString());
    }
    if (alert.link() != null) {
      section(blocks, "<" + alert.link() + "|Review, mark as expected or create an exception rule>");
    }
    return bytes(root);
  }

  public static byte[] generic(AlertMessage alert) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("type", "anomaly.detected");
    root.put("timestamp", alert.anomaly().at().toString());
    ObjectNode data = root.putObject("data");
    data.put("alertId", alert.alertId());
    data.put("workspaceId", alert.workspaceId());
    data.put("job", alert.job());
    data.put("metric", alert.metric());
    data.set("anomaly", Json.mapper().valueToTree(alert.anomaly()));
    if (alert.link() != null) {
      data.put("link", alert.link());
    }
    return bytes(root);
  }

  private static void section(ArrayNode blocks, String markdown) {
    ObjectNode block = blocks.addObject();
    block.put("type", "section");
    ObjectNode text = block.putObject("text");
    text.put("type", "mrkdwn");
    text.put("text", markdown);
  }

  // Slack's mrkdwn treats these three characters as control characters.
  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%,.2f", value);
  }

  private static String percent(double value) {
    return Math.round(value * 100) + " %";
  }

  private static byte[] bytes(ObjectNode root) {
    try {
      return Json.mapper().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serialises", e);
    }
  }
}
