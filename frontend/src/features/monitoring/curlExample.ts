/** The placeholder shown where the secret goes once it is no longer displayed. */
export const SECRET_PLACEHOLDER = "whsec_<your webhook secret>";

/**
 * A shell snippet that sends one signed run report to FlowForge: Standard Webhooks signing
 * (HMAC-SHA256 over `id.timestamp.body` with the decoded `whsec_` key) done with openssl, then curl.
 * Values are single-quoted for the shell; the secret and workspace id never contain quotes.
 */
export function curlExample(origin: string, workspaceId: string, secret: string | null): string {
  const body = JSON.stringify({
    job: "orders_daily",
    runId: "run-2026-01-31",
    startedAt: "2026-01-31T02:00:00Z",
    endedAt: "2026-01-31T02:10:00Z",
    status: "SUCCEEDED",
    rowCounts: { "silver.orders": 1200 },
  });
  return [
    `SECRET='${secret ?? SECRET_PLACEHOLDER}'`,
    `BODY='${body}'`,
    `ID="msg_$(date +%s%N)"; TS="$(date +%s)"`,
    `KEY="$(printf '%s' "\${SECRET#whsec_}" | base64 -d | od -An -tx1 | tr -d ' \\n')"`,
    `SIG="$(printf '%s' "$ID.$TS.$BODY" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$KEY" -binary | base64)"`,
    `curl -sS -X POST '${origin}/api/hooks/runs' \\`,
    `  -H 'content-type: application/json' \\`,
    `  -H 'x-flowforge-workspace: ${workspaceId}' \\`,
    `  -H "webhook-id: $ID" -H "webhook-timestamp: $TS" -H "webhook-signature: v1,$SIG" \\`,
    `  --data-raw "$BODY"`,
  ].join("\n");
}
