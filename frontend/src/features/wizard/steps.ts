import type { Dataset, Layer } from "../../api/types";
import { paths } from "../../app/paths";
import { hrefFor } from "../../app/router";

/** The Create Job wizard's steps in order; the current one is the last segment of the address. */
export const wizardSteps = ["profile", "bronze", "silver", "gold", "review"] as const;

export type WizardStep = (typeof wizardSteps)[number];

export const stepLabels: Record<WizardStep, string> = {
  profile: "Profile",
  bronze: "Bronze",
  silver: "Silver",
  gold: "Gold",
  review: "Review",
};

/** The step an address names, or null for anything else. */
export function parseStep(text: string | undefined): WizardStep | null {
  return (wizardSteps as readonly string[]).includes(text ?? "") ? (text as WizardStep) : null;
}

/** The step after `step`, or null after the last. */
export function nextStep(step: WizardStep): WizardStep | null {
  return wizardSteps[wizardSteps.indexOf(step) + 1] ?? null;
}

/** The layer a step configures, or null for the profile and review steps. */
export function layerOf(step: WizardStep): Layer | null {
  return step === "bronze" || step === "silver" || step === "gold" ? step : null;
}

/** The href of a wizard step for a dataset. */
export function stepHref(dataset: Pick<Dataset, "workspaceId" | "id">, step: WizardStep): string {
  return hrefFor(paths.wizard, { workspaceId: dataset.workspaceId, datasetId: dataset.id, step });
}
