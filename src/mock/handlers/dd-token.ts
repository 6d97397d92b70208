/**
 * Get Token B2B2C (service 74): grantType authorization_code exchanges the authCode of a live binding,
 * refresh_token a refresh token this mock issued (it is replaced: each is used once) or, as everywhere in this
 * mock, the binding's authCode standing in for its tokens (dd-store.ts boundBy). Either way the answer
 * carries an opaque customer token bound to that binding, valid `settings.tokenTtlSeconds`, and a new refresh
 * token. An unknown or ended binding answers 401 7402 "Invalid Customer Token" (DOKU's SNAP error table).
 * Expiry times are ISO-8601 with +07:00 offset: DOKU documents no format for them (kit choice).
 */
import { formatSnapTimestamp } from "../../signatures/index.js";
import { fault } from "../errors.js";
import { asRecord } from "../overlay.js";
import { type Binding, boundBy, ddStore, opaqueToken } from "./dd-store.js";
import type { Handler } from "./handler.js";

const REFRESH_TTL_SECONDS = 30 * 24 * 3600;

export const tokenB2b2c: Handler = async ({ ctx, call, body }) => {
  const store = ddStore(ctx.state);
  const request = asRecord(body);
  const clientId = ctx.identity.clientId;
  let binding: Binding | undefined;
  if (request.grantType === "refresh_token") {
    const refresh = String(request.refreshToken ?? "");
    binding = store.refreshTokens.get(refresh) ?? boundBy(store, clientId, refresh, call.now);
    store.refreshTokens.delete(refresh);
  } else binding = boundBy(store, clientId, String(request.authCode ?? ""), call.now);
  if (!binding?.active || binding.clientId !== clientId)
    return fault(
      401,
      "02",
      "Invalid Customer Token",
      "invalid_customer_token",
      "no live binding for this grant",
    );
  const accessToken = opaqueToken();
  const refreshToken = opaqueToken();
  const ttl = ctx.settings.tokenTtlSeconds;
  store.customerTokens.set(accessToken, { binding, expiresAt: call.now + ttl * 1000 });
  store.refreshTokens.set(refreshToken, binding);
  return {
    status: 200,
    body: {
      responseCode: "",
      responseMessage: "Successful",
      accessToken,
      tokenType: "Bearer",
      accessTokenExpiryTime: formatSnapTimestamp(call.now + ttl * 1000),
      refreshToken,
      refreshTokenExpiryTime: formatSnapTimestamp(call.now + REFRESH_TTL_SECONDS * 1000),
      additionalInfo: {},
    },
  };
};
