/** Where the client sends requests: DOKU's sandbox, production, or any URL (the embedded mock, a proxy). */
import { UsageError } from "../model/errors.js";

/** DOKU's published hosts (research §1, §3.1). */
export const BASE_URLS = {
  sandbox: "https://api-sandbox.doku.com",
  production: "https://api.doku.com",
} as const;

/** A preset name or an http(s) URL. */
export type BaseUrlPreset = keyof typeof BASE_URLS;

/** The base URL for a preset or URL, without a trailing slash; UsageError for anything else. */
export function resolveBaseUrl(target: BaseUrlPreset | string): string {
  const url = Object.hasOwn(BASE_URLS, target) ? BASE_URLS[target as BaseUrlPreset] : target;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`base URL "${target}" is neither sandbox, production nor an http(s) URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new UsageError(`base URL "${target}" must use http or https`);
  }
  return url.replace(/\/+$/, "");
}
