export { notify, type Localized, type NotifyInput, type NotificationText } from './notify';
export { listNotifications, markRead, unreadCount, type Notification } from './inbox';
export { notificationMail } from './mail';
