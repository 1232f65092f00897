import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { marked } from 'marked';
import type { Lang } from '../shared/lang.ts';

// The methodology page is the methodology document itself (docs/registry-methodology.ru.md and
// docs/registry-methodology.md): one text for people and for the page, so they cannot drift apart.
// Rendered once per language and setting; the document's own title is the page's heading.

const docs = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');
const FILES: Record<Lang, string> = { ru: 'registry-methodology.ru.md', en: 'registry-methodology.md' };

export interface MethodologySettings {
  threshold: number;
  noticeDays: number;
}

const rendered = new Map<string, string>();

export const methodologyHtml = (lang: Lang, settings: MethodologySettings): string => {
  const key = `${lang}:${settings.threshold}:${settings.noticeDays}`;
  let html = rendered.get(key);
  if (html === undefined) {
    const text = fs
      .readFileSync(path.join(docs, FILES[lang]), 'utf8')
      // the page has its own heading
      .replace(/^# .*\n/, '')
      // what is said for developers only (file names, settings' names, commands): the page is read
      // by journalists and families, who are told the same in plain words around it
      .replace(/<!--dev-->[\s\S]*?<!--\/dev-->/g, '')
      // the deployment's own settings, where the document names them: the numbers, not their names
      .replaceAll('`REGISTRY_SUPPRESSION_THRESHOLD (5 by default)`', String(settings.threshold))
      .replaceAll('`REGISTRY_SUPPRESSION_THRESHOLD (по умолчанию 5)`', String(settings.threshold))
      .replaceAll('`REGISTRY_NOTICE_DAYS (7 by default)`', String(settings.noticeDays))
      .replaceAll('`REGISTRY_NOTICE_DAYS (по умолчанию 7)`', String(settings.noticeDays))
      // links between documents of the repository: the API description is served, the rest is text
      .replaceAll('(openapi.yaml)', '(/api/v1/openapi.yaml)')
      .replace(/\[([^\]]+)\]\([a-z-]+\.md\)/g, '$1');
    // Our own reviewed document: its HTML is trusted (no user text reaches it).
    html = marked.parse(text, { async: false });
    rendered.set(key, html);
  }
  return html;
};
