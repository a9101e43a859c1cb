package io.flowforge.anomaly;

/** One watched metric series of a workspace's job, with how it is judged. */
public record Monitor(String workspaceId, String id, String job, String metric, MonitorSettings settings) {}
