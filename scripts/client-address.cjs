// Preloaded into the server process by `npm start` (node --require). Next.js keeps
// whatever X-Forwarded-For a client sends, so a script could claim any address and
// walk past every per-address limit. Here, before Next sees a request, the header
// is replaced by the one address we believe: the socket's peer, or, when that peer
// is a proxy the operator trusts (TRUST_PROXY), the address it reports. This is
// the rule Express applies ("trust proxy"), computed by the same library.
"use strict";
const http = require("node:http");
const proxyaddr = require("proxy-addr");

const setting = (process.env.TRUST_PROXY ?? "").trim();
const trusted =
  setting === ""
    ? []
    : setting
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
// A number trusts that many hops in front of the app (as Express does); names and ranges, those proxies.
const hops = /^\d+$/.test(setting) ? Number(setting) : null;
const trust = hops !== null ? (_address, i) => i < hops : proxyaddr.compile(trusted);

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function emitWithClientAddress(event, req, ...rest) {
  if (event === "request" && req && req.socket) {
    try {
      req.headers["x-forwarded-for"] = proxyaddr(req, trust);
    } catch {
      req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
    }
  }
  return emit.call(this, event, req, ...rest);
};
