import type { FastifyInstance } from 'fastify';
import { Layout } from './layout.tsx';
import { sendPage } from './render.ts';

export const homeRoutes = async (app: FastifyInstance): Promise<void> => {
  app.get('/', (req, reply) =>
    sendPage(req, reply, (ctx) => (
      <Layout ctx={ctx} heading={ctx.t('home.title')}>
        <p>{ctx.t('home.intro')}</p>
        <h2>{ctx.t('home.howTitle')}</h2>
        <ol>
          <li>{ctx.t('home.step1')}</li>
          <li>{ctx.t('home.step2')}</li>
          <li>{ctx.t('home.step3')}</li>
        </ol>
        <ul>
          <li>
            <a href="/register">{ctx.t('home.openCase')}</a>
          </li>
          <li>
            <a href="/login">{ctx.t('common.login')}</a>
          </li>
          <li>
            <a href="/tips/new">{ctx.t('home.sendTip')}</a> · <a href="/tip">{ctx.t('home.tipCode')}</a>
          </li>
        </ul>
        <p class="muted">{ctx.t('home.safety')}</p>
      </Layout>
    )),
  );
};
