// Whether a link the platform hands out leads only to the machine the server runs on. Without
// PUBLIC_URL the links are made from HOST and PORT (config.ts): http://127.0.0.1:8080/invite/…
// opens on no one else's phone, and a first-time administrator could not tell (QA walk 7).

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|\[::\])$/i;

export const isLocalOnly = (url: string): boolean => {
  try {
    return LOOPBACK.test(new URL(url).hostname);
  } catch {
    return false;
  }
};
