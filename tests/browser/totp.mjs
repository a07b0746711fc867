// TOTP codes for the browser tests (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits), computed with
// Node's built-in crypto - test code only. Staff and professionals sign in with a code after their
// password; the server accepts each step once per account and allows one step of drift.
//
//   await codeFor(secret, email)  a code the server has not seen for this account yet. Steps used
//                                 are kept in $GT_TOTP_STATE (a JSON file shared by seed.mjs and
//                                 every test file, which node --test runs one after another); when
//                                 the steps the server would accept now are used up, it waits for
//                                 the next one (at most 30 seconds).
//   totp(secret, unixSeconds)     the code for that moment.
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const STEP = 30;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Decode(secret) {
  const s = secret.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of s) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) throw new Error('the TOTP secret is not base32');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function codeForStep(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return String(n).padStart(6, '0');
}

export function totp(secret, unixSeconds = Date.now() / 1000) {
  return codeForStep(secret, Math.floor(unixSeconds / STEP));
}

function readState(path) {
  if (!path || !existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
}

export async function codeFor(secret, email) {
  const path = process.env.GT_TOTP_STATE;
  const state = readState(path);
  const last = state[email] ?? -1;
  for (;;) {
    const now = Date.now() / 1000;
    const nowStep = Math.floor(now / STEP);
    // The previous step only while the server will still take it for a while; never a used one.
    const earliest = now - nowStep * STEP < 15 ? nowStep - 1 : nowStep;
    const step = Math.max(earliest, last + 1);
    if (step <= nowStep + 1) {
      state[email] = step;
      if (path) writeFileSync(path, JSON.stringify(state));
      return codeForStep(secret, step);
    }
    await new Promise((resolve) => setTimeout(resolve, ((step - 1) * STEP - now) * 1000 + 200));
  }
}
