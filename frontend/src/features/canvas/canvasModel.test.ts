import { describe, expect, it } from "vitest";
import { artifactsFor, decisionsFor, nodeKind, scdChoices, toReactFlow } from "./canvasModel";
import { kimballModel } from "./fixtures";

describe("canvas model", () => {
  it("keeps the server's size and position on every node and marks the selected one", () => {
    const { nodes, edges } = toReactFlow(kimballModel().flow, "dim_date");

    expect(nodes.map((n) => [n.id, n.type, n.width, n.height, n.position.x])).toEqual([
      ["dim_product", "dimension", 260, 140, 0],
      ["dim_date", "date_dimension", 260, 80, 320],
    ]);
    expect(nodes.find((n) => n.id === "dim_date")?.data.selected).toBe(true);
    expect(nodes.find((n) => n.id === "dim_product")?.data.selected).toBe(false);
    expect(edges).toEqual([
      {
        id: "e_dim_date__dim_product",
        source: "dim_date",
        target: "dim_product",
        label: undefined,
      },
    ]);
  });

  it("draws unknown kinds as plain tables", () => {
    expect(nodeKind("hub")).toBe("hub");
    expect(nodeKind("view")).toBe("other");
  });

  it("finds an entity's files by artifact and nothing of other entities", () => {
    const files = {
      "ddl/0010_dim_product.sql": "a",
      "etl/0010_dim_product.sql": "b",
      "docs/0010_dim_product.md": "c",
      "ddl/0020_dim_product_bridge.sql": "x",
      "model.yaml": "y",
    };

    expect(artifactsFor(files, "dim_product")).toEqual({ ddl: "a", etl: "b", docs: "c" });
  });

  it("offers an SCD choice for dimensions only, with their current type", () => {
    expect(scdChoices(kimballModel(6).spec.entities)).toEqual([
      { entity: "dim_product", scdType: 6 },
    ]);
  });

  it("lists decisions about the chosen entity, most confident first", () => {
    const model = kimballModel();

    expect(decisionsFor(model, "dim_product").map((d) => d.choice)).toEqual(["SCD type 2"]);
    expect(decisionsFor(model, null).map((d) => d.subject)).toEqual(["dim_date", "dim_product"]);
  });
});
