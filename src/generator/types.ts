/** The bundled document -> TypeScript types (openapi-typescript): `paths`, `webhooks`, `components`. */
import { importModule } from "../engine/import-module.js";
import { importBuildTool } from "./build-tool.js";
import type { OpenApiDocument } from "./bundle.js";

export async function typesModule(doc: OpenApiDocument, header: string): Promise<string> {
  const { default: openapiTS, astToString } = await importBuildTool("openapi-typescript", () =>
    importModule<typeof import("openapi-typescript")>("openapi-typescript"),
  );
  // openapi-typescript mutates nothing it is given, but pass a copy to be safe.
  const ast = await openapiTS(structuredClone(doc) as unknown as Parameters<typeof openapiTS>[0], {
    alphabetize: false,
    exportType: false,
  });
  return `${header}${astToString(ast)}`;
}
