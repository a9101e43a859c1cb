import { describe, expect, it } from "vitest";
import { matchRoute } from "../../app/router";
import { pageRoutes } from "../../app/paths";
import { layerOf, nextStep, parseStep, stepHref } from "./steps";

describe("wizard steps", () => {
  it("walks Profile → Bronze → Silver → Gold → Review and stops", () => {
    const walked = ["profile" as const];
    for (let step = nextStep("profile"); step; step = nextStep(step)) walked.push(step as never);
    expect(walked).toEqual(["profile", "bronze", "silver", "gold", "review"]);
  });

  it("keeps the step in the address, and reads it back", () => {
    const href = stepHref({ workspaceId: "ws 1", id: "ds_2" }, "silver");

    expect(href).toBe("#/workspaces/ws%201/datasets/ds_2/wizard/silver");
    const match = matchRoute(href.slice(1), pageRoutes);
    expect(match?.name).toBe("wizard");
    expect(parseStep(match?.params.step)).toBe("silver");
  });

  it("refuses unknown steps and maps only the layer steps to layers", () => {
    expect(parseStep("platinum")).toBeNull();
    expect(parseStep(undefined)).toBeNull();
    expect(layerOf("gold")).toBe("gold");
    expect(layerOf("review")).toBeNull();
  });
});
