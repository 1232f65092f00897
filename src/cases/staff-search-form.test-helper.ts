import type { TestApp } from '../../test/helpers/app.ts';
import { formToken } from '../../test/helpers/factories.ts';

/** The staff case search form (/staff/search) sent as a browser sends it, by the staff member of `cookies`. */
export const postStaffSearch = async (app: TestApp['app'], staffCookies: Record<string, string>, q: string) => {
  const { token, cookies } = await formToken(app, '/staff/search', staffCookies);
  return app.inject({
    method: 'POST',
    url: '/staff/search',
    cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ q, _csrf: token }).toString(),
  });
};
