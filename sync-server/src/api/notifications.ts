import { z } from '@hono/zod-openapi';
import { listNotifications, markRead, unreadCount } from '../notifications';
import { notFound } from '../errors';
import { memberOf, router, secureRoute, type Ctx } from './context';
import { json } from './schemas';

/*
 * The signed-in member's notifications in the company of the call (X-Company). They are a person's: an API
 * token, which is no one, has none (an empty list, not a refusal: its role may read the company).
 */

const Localized = z.object({ fr: z.string(), en: z.string() });

const NotificationSchema = z.object({
  id: z.string(), kind: z.string(), subjectId: z.string().nullable(), title: Localized, body: Localized, link: z.string(),
  createdAt: z.string(), readAt: z.string().nullable(), emailedAt: z.string().nullable(),
}).openapi('Notification');

const person = (c: Ctx) => ({ s: c.get('services'), companyId: memberOf(c).companyId, userId: memberOf(c).userId });

export function notificationRoutes() {
  const app = router();

  app.openapi(
    secureRoute('company.read', {
      method: 'get', path: '/notifications', tags: ['Notifications'], summary: 'Your notifications in this company, newest first, with how many are unread',
      request: { query: z.object({ unreadOnly: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: { 200: json(z.object({ notifications: z.array(NotificationSchema), unread: z.number().int() }), 'Notifications') },
    }),
    async (c) => {
      const { s, companyId, userId } = person(c);
      if (!userId) return c.json({ notifications: [], unread: 0 }, 200);
      const { unreadOnly, limit } = c.req.valid('query');
      const notifications = await listNotifications(s, companyId, userId, { unreadOnly: unreadOnly === 'true', limit });
      return c.json({ notifications, unread: await unreadCount(s, companyId, userId) }, 200);
    },
  );

  app.openapi(
    secureRoute('company.read', {
      method: 'post', path: '/notifications/{notificationId}/read', tags: ['Notifications'], summary: 'Mark one of your notifications read',
      request: { params: z.object({ notificationId: z.string() }) },
      responses: { 200: json(z.object({ id: z.string(), read: z.boolean() }), 'Marked') },
    }),
    async (c) => {
      const { s, companyId, userId } = person(c);
      const { notificationId } = c.req.valid('param');
      if (!userId || (await markRead(s, companyId, userId, notificationId)) === 0) throw notFound('notification');
      return c.json({ id: notificationId, read: true }, 200);
    },
  );

  app.openapi(
    secureRoute('company.read', {
      method: 'post', path: '/notifications/read-all', tags: ['Notifications'], summary: 'Mark all your notifications in this company read',
      responses: { 200: json(z.object({ marked: z.number().int() }), 'How many were unread') },
    }),
    async (c) => {
      const { s, companyId, userId } = person(c);
      return c.json({ marked: userId ? await markRead(s, companyId, userId, 'all') : 0 }, 200);
    },
  );

  return app;
}
