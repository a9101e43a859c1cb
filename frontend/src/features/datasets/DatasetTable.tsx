import type { Dataset } from "../../api/types";
import { hrefFor } from "../../app/router";
import { paths } from "../../app/paths";
import { countLabel, formatLabel, statusLabel } from "./labels";

/** The workspace's datasets; each name links to the dataset's page. */
export function DatasetTable({ datasets }: { datasets: Dataset[] }) {
  if (datasets.length === 0) {
    return (
      <p className="muted">No datasets yet. Upload a CSV, JSON lines or Parquet file below.</p>
    );
  }
  return (
    <table>
      <caption>Datasets</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Format</th>
          <th scope="col" className="number">
            Rows
          </th>
          <th scope="col" className="number">
            Columns
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {datasets.map((dataset) => (
          <tr key={dataset.id}>
            <th scope="row">
              <a
                href={hrefFor(paths.dataset, {
                  workspaceId: dataset.workspaceId,
                  datasetId: dataset.id,
                })}
              >
                {dataset.name}
              </a>
            </th>
            <td>{formatLabel(dataset.format)}</td>
            <td className="number">{countLabel(dataset.rowCount)}</td>
            <td className="number">{countLabel(dataset.columns?.length)}</td>
            <td>
              <span className={`badge status-${dataset.status.toLowerCase()}`}>
                {statusLabel(dataset.status)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
