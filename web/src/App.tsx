import { Navigate, Route, Router, useLocation, type RouteSectionProps } from '@solidjs/router';
import { lazy, Show } from 'solid-js';
import { session } from './auth/session';
import { t } from './i18n';
import SignIn from './routes/SignIn';

// Pages load on demand: the first load only carries the shell, sign-in and the session.
const Invite = lazy(() => import('./routes/Invite'));
const Companies = lazy(() => import('./routes/Companies'));
const Account = lazy(() => import('./routes/Account'));
const CompanyLayout = lazy(() => import('./routes/CompanyLayout'));
const Settings = lazy(() => import('./routes/Settings'));
const DocumentSettings = lazy(() => import('./routes/DocumentSettings'));
const Customers = lazy(() => import('./routes/Customers'));
const CustomerEditor = lazy(() => import('./routes/CustomerEditor'));
const Products = lazy(() => import('./routes/Products'));
const ProductEditor = lazy(() => import('./routes/ProductEditor'));
const Members = lazy(() => import('./routes/Members'));
const Roles = lazy(() => import('./routes/Roles'));
const MemberTrail = lazy(() => import('./routes/MemberTrail'));
const Alerts = lazy(() => import('./routes/Alerts'));
const Audit = lazy(() => import('./routes/Audit'));
const Tokens = lazy(() => import('./routes/Tokens'));
const Invoices = lazy(() => import('./routes/Invoices'));
const InvoiceEditor = lazy(() => import('./routes/InvoiceEditor'));
const InvoicePrint = lazy(() => import('./routes/InvoicePrint'));
const Quotes = lazy(() => import('./routes/Quotes'));
const QuoteEditor = lazy(() => import('./routes/QuoteEditor'));
const PricingRules = lazy(() => import('./routes/PricingRules'));
const PricingRuleEditor = lazy(() => import('./routes/PricingRuleEditor'));
const QuoteTemplates = lazy(() => import('./routes/QuoteTemplates'));
const QuoteTemplateEditor = lazy(() => import('./routes/QuoteTemplateEditor'));
const QuoteSettingsPage = lazy(() => import('./routes/QuoteSettings'));
const Plans = lazy(() => import('./routes/Plans'));
const PlanEditor = lazy(() => import('./routes/PlanEditor'));
const Subscriptions = lazy(() => import('./routes/Subscriptions'));
const SubscriptionNew = lazy(() => import('./routes/SubscriptionNew'));
const SubscriptionDetail = lazy(() => import('./routes/SubscriptionDetail'));
const SepaMandates = lazy(() => import('./routes/SepaMandates'));
const SepaDebits = lazy(() => import('./routes/SepaDebits'));
const Payments = lazy(() => import('./routes/Payments'));
const PaymentNew = lazy(() => import('./routes/PaymentNew'));
const Receivables = lazy(() => import('./routes/Receivables'));
const DunningPreview = lazy(() => import('./routes/DunningPreview'));
const DunningPolicies = lazy(() => import('./routes/DunningPolicies'));
const DunningPolicyEditor = lazy(() => import('./routes/DunningPolicyEditor'));
const DunningTasks = lazy(() => import('./routes/DunningTasks'));
const PaymentSettings = lazy(() => import('./routes/PaymentSettings'));
const NotFound = lazy(() => import('./routes/NotFound'));

function Splash() {
  return (
    <div class="splash" role="status">
      <span class="logo big" aria-hidden="true">F</span>
      <span>{t('common.loading')}</span>
    </div>
  );
}

function Root(props: RouteSectionProps) {
  return (
    <Show when={session.ready()} fallback={<Splash />}>
      {props.children}
    </Show>
  );
}

function RequireAuth(props: RouteSectionProps) {
  const location = useLocation();
  return (
    <Show when={session.me()} fallback={<Navigate href={`/signin?next=${encodeURIComponent(location.pathname)}`} />}>
      {props.children}
    </Show>
  );
}

function Home() {
  const companies = () => session.me()?.companies ?? [];
  return <Navigate href={companies().length === 1 ? `/c/${companies()[0]?.id}/customers` : '/companies'} />;
}

function CompanyHome(props: RouteSectionProps) {
  return <Navigate href={`/c/${props.params.companyId}/customers`} />;
}

export function App() {
  return (
    <Router root={Root}>
      <Route path="/signin" component={SignIn} />
      <Route path="/invite/:token" component={Invite} />
      <Route component={RequireAuth}>
        <Route path="/" component={Home} />
        <Route path="/companies" component={Companies} />
        <Route path="/account" component={Account} />
        <Route path="/c/:companyId" component={CompanyLayout}>
          <Route path="/" component={CompanyHome} />
          <Route path="/settings" component={Settings} />
          <Route path="/settings/documents" component={DocumentSettings} />
          <Route path="/customers" component={Customers} />
          <Route path="/customers/:customerId" component={CustomerEditor} />
          <Route path="/products" component={Products} />
          <Route path="/products/:productId" component={ProductEditor} />
          <Route path="/pricing-rules" component={PricingRules} />
          <Route path="/pricing-rules/:ruleId" component={PricingRuleEditor} />
          <Route path="/quote-templates" component={QuoteTemplates} />
          <Route path="/quote-templates/:templateId" component={QuoteTemplateEditor} />
          <Route path="/settings/quotes" component={QuoteSettingsPage} />
          <Route path="/members" component={Members} />
          <Route path="/members/roles" component={Roles} />
          <Route path="/members/:userId/activity" component={MemberTrail} />
          <Route path="/alerts" component={Alerts} />
          <Route path="/audit" component={Audit} />
          <Route path="/tokens" component={Tokens} />
          <Route path="/quotes" component={Quotes} />
          <Route path="/quotes/:quoteId" component={QuoteEditor} />
          <Route path="/invoices" component={Invoices} />
          <Route path="/invoices/:invoiceId" component={InvoiceEditor} />
          <Route path="/invoices/:invoiceId/print" component={InvoicePrint} />
          <Route path="/plans" component={Plans} />
          <Route path="/plans/:planId" component={PlanEditor} />
          <Route path="/subscriptions" component={Subscriptions} />
          <Route path="/subscriptions/new" component={SubscriptionNew} />
          <Route path="/subscriptions/:subscriptionId" component={SubscriptionDetail} />
          <Route path="/sepa-mandates" component={SepaMandates} />
          <Route path="/sepa-debits" component={SepaDebits} />
          <Route path="/payments" component={Payments} />
          <Route path="/payments/new" component={PaymentNew} />
          <Route path="/receivables" component={Receivables} />
          <Route path="/dunning" component={DunningPreview} />
          <Route path="/dunning/policies" component={DunningPolicies} />
          <Route path="/dunning/policies/:policyId" component={DunningPolicyEditor} />
          <Route path="/dunning/tasks" component={DunningTasks} />
          <Route path="/settings/payments" component={PaymentSettings} />
        </Route>
      </Route>
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
