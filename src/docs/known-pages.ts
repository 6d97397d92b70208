/**
 * The DOKU doc pages the kit knows, the one hand-written piece of the doc audit: how to recognize a page (a
 * line only it has), which section documents which operation, and its id in the numbering the specs cite
 * (`x-doku-source: 002_53e227cf58eb634c.txt`). Field rows, samples and labelled values are never written
 * here: they are parsed from the pages. A page not listed can still be read with `--operation <id>`.
 */
export interface Heading {
  text: string;
  next?: string;
  /** Operations the section documents ([] = a section with nothing to check, ends the previous one). */
  ops: string[];
  /** Samples of the section are request bodies whatever precedes them (the "Additional feature" snippets). */
  requestSamples?: true;
}

/** A DOKU page the kit knows. */
export interface KnownPage {
  /** "000" .. "004". */
  id: string;
  /** The seed file name the specs cite. */
  file: string;
  /** What the page is (for messages). */
  title: string;
  /** A line only this page has (trimmed, exact). */
  marker: string;
  headings: Heading[];
}

const CREATE_VA = ["snapCreateVa"];
const NOTIFY = ["snapVaPaymentNotification"];

const HEADINGS: Record<string, Heading[]> = {
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

const PAGES: [id: string, file: string, title: string, marker: string][] = [
  ["000", "000_1490e55bffd50068.txt", "BTN v1.0 virtual account", "BTN v1.0"],
  ["001", "001_44e08f0c3a01f949.txt", "DOKU VA guide (non-SNAP)", "DOKU VA Guide"],
  ["002", "002_53e227cf58eb634c.txt", "BNI virtual account (SNAP)", "BNI Virtual Account"],
  ["003", "003_50bc0299ae03b2a9.txt", "Virtual account overview (billing types, BIN rules)", "Bank Name"],
  ["004", "004_79f74cf326aa7e34.txt", "DANA direct debit (SNAP)", "Online Refund"],
];

/** Every known page, in the specs' numbering. */
export const KNOWN_PAGES: readonly KnownPage[] = PAGES.map(([id, file, title, marker]) => ({
  id,
  file,
  title,
  marker,
  headings: HEADINGS[file] ?? [],
}));

/** The known page a text is (its marker line is present), or undefined. */
export function recognize(lines: readonly string[]): KnownPage | undefined {
  const set = new Set(lines.map((l) => l.trim()));
  return KNOWN_PAGES.find((p) => set.has(p.marker));
}
