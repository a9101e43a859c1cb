import { useApi } from "../../api/ApiContext";
import type { Dataset } from "../../api/types";
import { hrefFor } from "../../app/router";
import { paths } from "../../app/paths";
import { ErrorMessage } from "../../ui/ErrorMessage";
import { useResource } from "../../ui/useResource";
import { LayerStep } from "./LayerStep";
import { ProfileStep } from "./ProfileStep";
import { ReviewStep } from "./ReviewStep";
import { layerOf, parseStep, stepHref, stepLabels, wizardSteps, type WizardStep } from "./steps";

/** The Create Job wizard: Profile → Bronze → Silver → Gold → Review, the step kept in the address. */
export function CreateJobWizard({
  workspaceId,
  datasetId,
  step,
}: {
  workspaceId: string;
  datasetId: string;
  step: string;
}) {
  const api = useApi();
  const [dataset] = useResource(`${workspaceId}/${datasetId}`, () =>
    api.getDataset(workspaceId, datasetId),
  );
  const current = parseStep(step);
  const datasetHref = hrefFor(paths.dataset, { workspaceId, datasetId });

  return (
    <>
      <p>
        <a href={datasetHref}>← Dataset</a>
      </p>
      {dataset.state === "loading" && <p role="status">Loading dataset…</p>}
      {dataset.state === "failed" && <ErrorMessage error={dataset.error} />}
      {dataset.state === "ready" && (
        <>
          <div className="page-header">
            <h1>Create job: {dataset.data.name}</h1>
          </div>
          <StepNavigation dataset={dataset.data} current={current} />
          {current === null ? (
            <p role="alert" className="error">
              There is no wizard step “{step}”. Start at{" "}
              <a href={stepHref(dataset.data, "profile")}>Profile</a>.
            </p>
          ) : (
            <StepContent dataset={dataset.data} step={current} />
          )}
        </>
      )}
    </>
  );
}

function StepContent({ dataset, step }: { dataset: Dataset; step: WizardStep }) {
  const layer = layerOf(step);
  if (layer) return <LayerStep key={layer} dataset={dataset} layer={layer} step={step} />;
  if (step === "review") return <ReviewStep dataset={dataset} />;
  return <ProfileStep dataset={dataset} />;
}

function StepNavigation({ dataset, current }: { dataset: Dataset; current: WizardStep | null }) {
  return (
    <nav aria-label="Wizard steps" className="wizard-steps">
      <ol>
        {wizardSteps.map((step, index) => (
          <li key={step}>
            <a href={stepHref(dataset, step)} aria-current={step === current ? "step" : undefined}>
              {index + 1}. {stepLabels[step]}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
