/**
 * The one hand-written piece of the seed audit: which page section documents which operation. A section
 * starts at its heading line (exact text after trimming; `next` = the following non-blank line, to tell an
 * embed title from a list item) and runs to the next heading of the same page. Field rows, samples and
 * labelled values are never written here: they are parsed from the pages.
 */
import { nextNonBlank, type SeedFile } from "./load.js";

export interface Heading {
  text: string;
  next?: string;
  /** Operations the section documents ([] = a section with nothing to check, ends the previous one). */
  ops: string[];
  /** Samples of the section are request bodies whatever precedes them (the "Additional feature" snippets). */
  requestSamples?: true;
}

const CREATE_VA = ["snapCreateVa"];
const NOTIFY = ["snapVaPaymentNotification"];

export const HEADINGS: Record<SeedFile, Heading[]> = {
  "000_1490e55bffd50068.txt": [{ text: "DOKU API", ops: ["snapBtnCreateVaV1"] }],
  "001_44e08f0c3a01f949.txt": [
    {
      text: "Direct API - DOKU Generated Payment Code Virtual Account Sequence Diagram",
      ops: ["dokuVaCreatePaymentCode"],
    },
    {
      text: "Direct API - Merchant Generated Virtual Account Sequence Diagram",
      ops: ["dokuVaCreateMerchantPaymentCode"],
    },
    { text: "Direct API - DOKU for Direct Inquiry Sequence Diagram", ops: ["dokuVaInquiry"] },
    { text: "Additional features", ops: [] },
    {
      text: "Open amount virtual account",
      ops: ["dokuVaCreatePaymentCode", "dokuVaCreateMerchantPaymentCode"],
      requestSamples: true,
    },
    {
      text: "Limit amount virtual account",
      ops: ["dokuVaCreatePaymentCode", "dokuVaCreateMerchantPaymentCode"],
      requestSamples: true,
    },
    { text: "Update and Cancel Virtual Account", ops: ["dokuVaUpdatePaymentCode"] },
    { text: "Split Settlement", ops: [] },
  ],
  "002_53e227cf58eb634c.txt": [
    { text: "1. Create VA", ops: CREATE_VA },
    { text: "a. DOKU Generate Payment Code", ops: CREATE_VA },
    { text: "b. Merchant Generate Payment Code", ops: CREATE_VA },
    { text: "c. Display Virtual Account", ops: [] },
    { text: "d. Acknowledge payment result", ops: NOTIFY },
    { text: "e. Hit DOKU Check Status API", ops: [] },
    { text: "f. Update Payment Code", ops: ["snapUpdateVa"] },
    { text: "2. Direct Inquiry", ops: ["snapVaInquiry"] },
    { text: "d. Acknowledge payment notification", ops: NOTIFY },
    { text: "Additional Feature", ops: [] },
    { text: "Open Amount", ops: CREATE_VA, requestSamples: true },
    { text: "Limit Amount", ops: CREATE_VA, requestSamples: true },
    { text: "Last updated", ops: [] },
  ],
  "003_50bc0299ae03b2a9.txt": [],
  "004_79f74cf326aa7e34.txt": [
    { text: "1. Payment", ops: ["danaPayment"] },
    { text: "2. Payment Notification", ops: [] },
    { text: "Online Refund", ops: ["danaRefund"] },
    { text: "handle the notification from DOKU", ops: [] },
    { text: "Payment", next: "post", ops: ["danaPayment"] },
    { text: "Refund", next: "post", ops: ["danaRefund"] },
  ],
};

export interface Section extends Heading {
  /** 1-based line of the heading. */
  line: number;
  /** 1-based line of the next heading (exclusive), or lines + 1. */
  end: number;
}

/** The sections of a page, in page order; a heading listed but not found is reported by the caller. */
export function sections(file: SeedFile, lines: readonly string[]): Section[] {
  const found: Section[] = [];
  let from = 0;
  for (const heading of HEADINGS[file]) {
    for (let i = from; i < lines.length; i++) {
      if ((lines[i] ?? "").trim() !== heading.text) continue;
      if (heading.next !== undefined && (lines[nextNonBlank(lines, i + 1)] ?? "").trim() !== heading.next)
        continue;
      found.push({ ...heading, line: i + 1, end: lines.length + 1 });
      from = i + 1;
      break;
    }
  }
  found.forEach((s, k) => {
    s.end = found[k + 1]?.line ?? lines.length + 1;
  });
  return found;
}

/** The section a 1-based line falls in. */
export function sectionAt(list: readonly Section[], line: number): Section | undefined {
  return list.find((s) => s.line <= line && line < s.end);
}
