/** The merchant's receiver: verify DOKU's calls over the raw bytes, build DOKU's answers, thin framework adapters. */

export type { ExpressRequestLike, ExpressResponseLike } from "./adapters/express.js";
export { expressCallbackHandler } from "./adapters/express.js";
export type {
  FastifyCallbackRoute,
  FastifyReplyLike,
  FastifyRequestLike,
  FastifyScopeLike,
} from "./adapters/fastify.js";
export { fastifyCallbackRoutes } from "./adapters/fastify.js";
export type { AdapterOptions, ServerResponseLike } from "./adapters/node.js";
export { nodeCallbackHandler } from "./adapters/node.js";
export type { CallbackHandler, IncomingLike, ReceivedCallback } from "./adapters/request.js";
export { DEFAULT_MAX_BYTES, headersOf, readBody } from "./adapters/request.js";
export type { AnsweredRequest, AnswerOperation, DokuAnswer, NonSnapAnswerKeys } from "./answers.js";
export {
  nonSnapInquiryAnswer,
  nonSnapNotificationAck,
  refusalAnswer,
  snapAnswer,
  snapInquiryAnswer,
  snapNotificationAck,
  snapResponseCode,
  snapTokenAnswer,
  statusByRule,
} from "./answers.js";
export type { ReceiverScheme } from "./scheme.js";
export { isReceiverScheme, RECEIVER_SCHEMES } from "./scheme.js";
export { DEFAULT_TOKEN_LIFETIME_S, TokenIssuer } from "./tokens.js";
export type {
  CallbackInput,
  CallbackVerdict,
  IssuedTokens,
  ReceiverCredentials,
  RefusalRule,
} from "./verify.js";
export { DEFAULT_WINDOW_MS, verifyDokuCallback } from "./verify.js";
