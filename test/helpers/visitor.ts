import type { FastifyInstance } from 'fastify';

// A browser without a browser, for app.inject(): keeps cookies, submits the forms a page really
// shows (with their hidden fields, so the CSRF token comes from the page) and follows 303s.
// Used by the security tests that walk the whole story over HTTP.

export interface Page {
  status: number;
  url: string;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
}

const decode = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag);
  return m ? decode(m[1]) : undefined;
};

/** A field people type into, with its limit: what the browser lets them type, or a textarea's written limit (null: none). */
export interface TypedField {
  name: string;
  maxLength: number | null;
}

/** The forms of a page: action and the values a browser would send (hidden inputs included). */
export const formsOf = (
  html: string,
): Array<{
  action: string;
  method: 'get' | 'post';
  enctype: string;
  fields: Record<string, string>;
  typed: TypedField[];
}> =>
  [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map(([, open, inner]) => {
    const fields: Record<string, string> = {};
    const typed: TypedField[] = [];
    for (const [tag] of inner.matchAll(/<(?:input|textarea)\b[^>]*>/gi)) {
      const name = attr(tag, 'name');
      const type = tag.startsWith('<textarea') ? 'textarea' : (attr(tag, 'type') ?? 'text');
      if (name && ['text', 'search', 'password', 'textarea'].includes(type)) {
        // A textarea's limit is written, not enforced by the browser (forms.tsx TextArea).
        const max = attr(tag, 'maxlength') ?? attr(tag, 'data-limit');
        typed.push({ name, maxLength: max === undefined ? null : Number(max) });
      }
    }
    for (const [tag] of inner.matchAll(/<input\b[^>]*>/gi)) {
      const name = attr(tag, 'name');
      const type = attr(tag, 'type') ?? 'text';
      if (!name || ((type === 'checkbox' || type === 'radio') && !/\schecked/i.test(tag))) continue;
      fields[name] = attr(tag, 'value') ?? '';
    }
    // What a browser also sends: the selected option of each select, the text of each textarea.
    for (const [, selOpen, options] of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const name = attr(selOpen, 'name');
      const all = [...options.matchAll(/<option\b([^>]*)>/gi)].map((m) => m[1]);
      const chosen = all.find((o) => /\sselected/i.test(o)) ?? all[0];
      if (name && chosen !== undefined) fields[name] = attr(chosen, 'value') ?? '';
    }
    for (const [, taOpen, text] of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      const name = attr(taOpen, 'name');
      if (name) fields[name] = decode(text);
    }
    return {
      action: attr(open, 'action') ?? '',
      method: (attr(open, 'method') ?? 'get').toLowerCase() === 'post' ? 'post' : 'get',
      enctype: (attr(open, 'enctype') ?? 'application/x-www-form-urlencoded').toLowerCase(),
      fields,
      typed,
    };
  });

export class Visitor {
  readonly cookies = new Map<string, string>();
  last: Page | null = null;
  /** every response this visitor received, redirects and POST answers included */
  readonly history: Array<Page & { method: string }> = [];

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  private remember(setCookie: string | string[] | number | undefined): void {
    for (const line of ([] as string[]).concat((setCookie as string | string[] | undefined) ?? [])) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  async request(
    method: 'GET' | 'POST',
    url: string,
    form?: Record<string, string>,
    follow = true,
    enctype = 'application/x-www-form-urlencoded',
  ): Promise<Page> {
    // A form that may carry a file is sent as a browser sends it: multipart, with no file chosen.
    let body: { payload: string | Buffer; type: string } | undefined;
    if (form && enctype === 'multipart/form-data') {
      const fd = new FormData();
      for (const [k, v] of Object.entries(form)) fd.append(k, v);
      const encoded = new Response(fd);
      body = { payload: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get('content-type')! };
    } else if (form) {
      body = { payload: new URLSearchParams(form).toString(), type: 'application/x-www-form-urlencoded' };
    }
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...this.headers,
        ...this.cookieHeader(),
        ...(body ? { 'content-type': body.type } : {}),
      },
      payload: body?.payload,
    });
    this.remember(res.headers['set-cookie']);
    const page: Page = { status: res.statusCode, url, body: res.body, headers: res.headers };
    this.history.push({ ...page, method });
    if (follow && res.statusCode >= 300 && res.statusCode < 400 && typeof res.headers.location === 'string') {
      return this.request('GET', res.headers.location);
    }
    this.last = page;
    return page;
  }

  get(url: string): Promise<Page> {
    return this.request('GET', url);
  }

  /**
   * Opens `pageUrl` (unless it is the page already shown), finds the form posting to `action`
   * and submits it with `fields` over its own values. Throws when the page has no such form.
   */
  async submit(
    pageUrl: string | null,
    action: string | RegExp,
    fields: Record<string, string> = {},
    follow = true,
  ): Promise<Page> {
    const page = pageUrl === null && this.last ? this.last : await this.get(pageUrl ?? '/');
    // Match on the path: an action may carry a query.
    const form = formsOf(page.body).find((f) =>
      typeof action === 'string' ? f.action.split('?')[0] === action : action.test(f.action),
    );
    if (!form)
      throw new Error(
        `no form posting to ${String(action)} on ${page.url} (status ${page.status}); forms: ${formsOf(page.body)
          .map((f) => f.action)
          .join(', ')}`,
      );
    return this.request('POST', form.action, { ...form.fields, ...fields }, follow, form.enctype);
  }
}
