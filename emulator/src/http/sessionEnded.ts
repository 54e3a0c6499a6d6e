/**
 * What a storefront request meets when the LWR site session has ended (platform-evidence §3, inferred: no
 * capture exists): the site's login page as a 200, a 302 to it, or a Connect 401. The login page itself is
 * served here too, so that a client following the redirect lands on a page, as in a browser.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiResult } from '../model';
import { startEntry, type RequestLog } from '../requestLog';
import { sendResult } from './answers';
import { now } from './clock';

export const SESSION_ENDED_ANSWERS = ['login-page', 'redirect', 'unauthorized'] as const;
export type SessionEndedAnswer = (typeof SESSION_ENDED_ANSWERS)[number];

/** `/login`, or `/{site}/login` under a site prefix. */
const LOGIN_PATH = /^(\/[^/]+)?\/login$/;

export function isLoginPath(path: string): boolean {
    return LOGIN_PATH.test(path);
}

/** The site's path prefix of an API path (`/mystore/webruntime/api/…` → `/mystore`), empty when none. */
function sitePrefix(path: string): string {
    return /^(\/[^/]+)?(?=\/webruntime\/api\/)/.exec(path)?.[1] ?? '';
}

export function sessionEndedResult(answer: SessionEndedAnswer, path: string): ApiResult {
    switch (answer) {
        case 'login-page':
            return { status: 200, page: LOGIN_PAGE };
        case 'redirect':
            return {
                status: 302,
                headers: {
                    location: `${sitePrefix(path)}/login?startURL=${encodeURIComponent(path)}`
                }
            };
        case 'unauthorized':
            return {
                status: 401,
                body: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }]
            };
    }
}

/** Where a redirected client lands: the login page, whatever the method (logged, never faulted). */
export function serveLoginPage(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    log: RequestLog
): void {
    const entry = startEntry(req, new URL(req.url ?? '/', 'http://emulator.local'), path, now());
    req.resume();
    sendResult(res, { status: 200, page: LOGIN_PAGE });
    log.add({ ...entry, status: 200, endedAt: now() });
}

const LOGIN_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Login</title></head>
<body>
<main>
<h1>Sign in</h1>
<p>Your session has ended. Sign in to continue shopping.</p>
<form method="post" action="/login">
<label>Username <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Log in</button>
</form>
</main>
</body>
</html>
`;
