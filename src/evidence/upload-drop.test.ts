import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { multipartBody } from '../../test/helpers/multipart.ts';
import { Invalid } from '../shared/errors.ts';
import { jpegWithGps } from './evidence.fixtures.ts';
import { readUploadForm, registerUploads } from './evidence.plugin.ts';

// A form refused before it was read (its CSRF check failed: web/form-not-sent.ts) is read only
// for what was typed: its file runs through without a byte of it held, and is only said to have
// been chosen. It was once gathered whole (up to 20 MB) and then dropped.

describe('a form with a file, read to be refused', () => {
  it('gives back the fields and that a file was chosen, never the file', async () => {
    const app = Fastify();
    await registerUploads(app);
    app.post('/', async (req) => {
      const form = await readUploadForm(req, { plain: true, dropFile: true });
      const kept = await form
        .parseWithFile((fields) => fields)
        .catch((err: unknown) => {
          if (err instanceof Invalid) return { problems: err.problems.map((p) => p.field) };
          throw err;
        });
      return { fields: form.fields, chosen: form.fileChosen, kept: 'file' in kept ? kept.file !== null : kept };
    });
    const { payload, type } = await multipartBody(
      { what_happened: 'Видел его' },
      { bytes: await jpegWithGps(), name: 'IMG_1.jpg', type: 'image/jpeg' },
    );
    const res = await app.inject({ method: 'POST', url: '/', payload, headers: { 'content-type': type } });
    expect(res.json()).toEqual({ fields: { what_happened: 'Видел его' }, chosen: true, kept: { problems: ['file'] } });
    await app.close();
  });
});
