import type { FastifyInstance } from 'fastify';
import { Layout } from './layout.tsx';
import { sendPage } from './render.ts';

// The home page's one job: a frightened mother on a phone finds the button to open a request
// without scrolling. One sentence, the button, then how it works.
export const homeRoutes = async (app: FastifyInstance): Promise<void> => {
  app.get('/', (req, reply) =>
    sendPage(req, reply, (ctx) => (
      <Layout ctx={ctx} heading={ctx.t('home.title')}>
        <p>{ctx.t('home.intro')}</p>
        <p class="actions">
          {/* biome-ignore lint/a11y/useSemanticElements: a link to the next page, shown as the page's main action */}
          <a href={ctx.nav.myCases ? '/cases/new' : '/register'} role="button">
            {ctx.t('home.openCase')}
          </a>
        </p>
        {/* A family already signed in is not asked to log in again: her requests are one tap away. */}
        {ctx.nav.myCases ? (
          <p>
            <a href="/my/cases">{ctx.t('home.myCases')}</a>
          </p>
        ) : (
          !ctx.nav.signedIn && (
            <>
              <p>
                <small>{ctx.t('home.openCaseNote')}</small>
              </p>
              <p>
                {ctx.t('home.haveAccount')} <a href="/login">{ctx.t('common.login')}</a>
              </p>
            </>
          )
        )}
        <p>{ctx.t('home.help')}</p>
        <h2>{ctx.t('home.howTitle')}</h2>
        <ol>
          <li>{ctx.t('home.step1')}</li>
          <li>{ctx.t('home.step2')}</li>
          <li>{ctx.t('home.step3')}</li>
        </ol>
        <h2>{ctx.t('home.tipTitle')}</h2>
        <p>
          <a href="/tips/new">{ctx.t('home.sendTip')}</a> · <a href="/tip">{ctx.t('home.tipCode')}</a>
        </p>
        <p class="muted">{ctx.t('home.safety')}</p>
      </Layout>
    )),
  );
};
