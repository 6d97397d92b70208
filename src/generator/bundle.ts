/** specs/doku.yaml (multi-file) -> one OpenAPI document, external $refs hoisted into #/components. */
import { importModule } from "../engine/import-module.js";
import { SpecError } from "../model/errors.js";
import { importBuildTool } from "./build-tool.js";

export type OpenApiDocument = Record<string, unknown>;

export async function bundleSpec(specPath: string): Promise<OpenApiDocument> {
  const { bundle, createConfig } = await importBuildTool("@redocly/openapi-core", () =>
    importModule<typeof import("@redocly/openapi-core")>("@redocly/openapi-core"),
  );
  const config = await createConfig({ extends: ["minimal"] });
  let result: Awaited<ReturnType<typeof bundle>>;
  try {
    result = await bundle({ ref: specPath, config, dereference: false });
  } catch (error) {
    throw new SpecError(`cannot bundle ${specPath}: ${(error as Error).message}`, specPath, { cause: error });
  }
  const fatal = result.problems.filter((p) => p.severity === "error" && p.ruleId === "bundler");
  const unresolved = result.problems.filter((p) => p.message.includes("Can't resolve $ref"));
  const first = [...fatal, ...unresolved][0];
  if (first) {
    const where = first.location[0]?.pointer ?? "#";
    const file = first.location[0]?.source.absoluteRef ?? specPath;
    throw new SpecError(`${first.message} in ${file}`, where);
  }
  return result.bundle.parsed as OpenApiDocument;
}
