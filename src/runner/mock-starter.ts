/** The default MockStarter: the embedded mock (src/mock) with a fresh generated identity, on 127.0.0.1:0. */
import { startMock } from "../mock/index.js";
import type { MockStarter } from "./target.js";

export const defaultMockStarter: MockStarter = ({ bundle }) => startMock({ bundle });
