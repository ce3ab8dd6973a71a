// Who may talk to browser mode: only this machine, only pages it served, only with this run's token.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface GuardVerdict {
  ok: boolean;
  status: number;
  code: 'unauthorized' | 'forbidden';
  message: string;
}

const allowed: GuardVerdict = { ok: true, status: 200, code: 'forbidden', message: '' };

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Refuses a foreign Host (DNS rebinding) and a foreign Origin (cross-site requests). */
export function checkHostAndOrigin(request: IncomingMessage, port: number): GuardVerdict {
  const hosts = allowedHosts(port);
  const host = request.headers.host ?? '';
  if (!hosts.has(host)) {
    return {
      ok: false,
      status: 403,
      code: 'forbidden',
      message: `Requests for host "${host}" are refused; use http://127.0.0.1:${port}/.`,
    };
  }
  const origin = request.headers.origin;
  if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice('http://'.length)))) {
    return { ok: false, status: 403, code: 'forbidden', message: `Requests from origin "${origin}" are refused.` };
  }
  return allowed;
}

export function checkToken(request: IncomingMessage, token: string): GuardVerdict {
  const header = request.headers.authorization ?? '';
  const presented = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  const same = presented.length === expected.length && timingSafeEqual(presented, expected);
  return same
    ? allowed
    : {
        ok: false,
        status: 401,
        code: 'unauthorized',
        message: 'Missing or wrong access token: open the URL BranchLoop printed at start.',
      };
}
