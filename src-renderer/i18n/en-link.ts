/** English strings of the connection to the services (web mode) and of the driver-process queue. */
export const enLink = {
  link: {
    lost: 'The connection to ACD Link Studio was lost. Reconnecting… What you typed stays here; an action that was running may need to be started again. If ACD Link Studio was restarted, open the new address it printed.',
    back: 'Reconnected to ACD Link Studio. The tree was reloaded; anything that failed while the connection was lost can be tried again.',
    dismiss: 'Dismiss',
    driversWaiting_one:
      '{{count}} database operation is waiting for a free driver process ({{running}} running, at most {{limit}} at a time). It starts by itself.',
    driversWaiting_other:
      '{{count}} database operations are waiting for a free driver process ({{running}} running, at most {{limit}} at a time). They start by themselves.',
  },
};
