import type { Services } from '../services';
import { identify, router } from './context';
import { authRoutes } from './auth';
import { accountSecurityRoutes } from './account-security';
import { companyRoutes } from './companies';
import { docsPage } from './docs';
import { productRoutes } from './workspace-records';
import { customerRoutes } from './customers';
import { invoiceRoutes } from './invoices';
import { auditRoutes } from './audit';
import { securityRoutes } from './security';
import { exportRoutes } from './export';
import { notificationRoutes } from './notifications';
import { quoteRoutes } from './quotes';
import { quoteSettingsRoutes } from './quote-settings';
import { sepaRoutes } from './sepa';
import { subscriptionsRoutes } from './subscriptions';
import { gatewayRoutes } from './gateways';
import { paymentRoutes } from './payments';
import { reportRoutes } from './reports';
import { dunningRoutes } from './dunning';
import { apiBudgets } from '../security/ratelimit';

/** The REST API: /api/v1/*, its OpenAPI document and a readable reference page. */
export function apiRoutes(services: Services) {
  const v1 = router();
  const budgets = apiBudgets(services);
  v1.use('*', budgets.byAddress);
  v1.use('*', identify(services));
  v1.use('*', budgets.byToken);
  v1.get('/health', (c) => c.json({ ok: true }));
  v1.route('/', authRoutes());
  v1.route('/', accountSecurityRoutes());
  v1.route('/', companyRoutes());
  v1.route('/', customerRoutes());
  v1.route('/', productRoutes());
  v1.route('/', invoiceRoutes());
  v1.route('/', auditRoutes());
  v1.route('/', securityRoutes());
  v1.route('/', exportRoutes());
  v1.route('/', notificationRoutes());
  v1.route('/', quoteRoutes());
  v1.route('/', quoteSettingsRoutes());
  v1.route('/', sepaRoutes());
  v1.route('/', subscriptionsRoutes());
  v1.route('/', gatewayRoutes());
  v1.route('/', paymentRoutes());
  v1.route('/', reportRoutes());
  v1.route('/', dunningRoutes());

  const api = router();
  api.route('/v1', v1);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Facturo API', version: '1', description: 'Quotes, invoices and payments for French and European businesses. Authenticate with `Authorization: Bearer <token>` (`npx facturo token create`) or the session cookie.' },
    servers: [{ url: '/api' }],
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  api.get('/docs', (c) => c.html(docsPage()));
  return api;
}
