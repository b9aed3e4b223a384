import { connectMany, type SyncClient, type Target } from './clients';

/*
 * The crowd: the passive clients of the round-trip benchmark, in a process of their own (forked with
 * IPC by roundtrip.ts), so that their work of applying every update does not delay the measuring
 * process's event loop. They stay connected, receive every update and keep their presence alive.
 */
export type CrowdCommand =
  | { type: 'start'; target: Target; count: number; batch: number; presence: boolean }
  | { type: 'check'; value: string }
  | { type: 'stop' };

export type CrowdReply =
  | { type: 'ready'; connected: number }
  | { type: 'checked'; matching: number; total: number; cpuSeconds: number; drops: number }
  | { type: 'failed'; message: string };

let clients: SyncClient[] = [];

function reply(message: CrowdReply) {
  process.send?.(message);
}

process.on('message', (command: CrowdCommand) => {
  if (command.type === 'start') {
    connectMany(command.target, command.count, command.batch, 'crowd', command.presence).then(
      (c) => {
        clients = c;
        reply({ type: 'ready', connected: c.length });
      },
      (error: unknown) => reply({ type: 'failed', message: (error as Error).message }),
    );
  } else if (command.type === 'check') {
    const matching = clients.filter((c) => c.workspace.readSettings().tradeName === command.value).length;
    const cpu = process.cpuUsage();
    const drops = clients.reduce((a, c) => a + c.drops, 0);
    reply({ type: 'checked', matching, total: clients.length, cpuSeconds: (cpu.user + cpu.system) / 1e6, drops });
  } else {
    for (const c of clients) c.destroy();
    clients = [];
    process.disconnect?.();
    setTimeout(() => process.exit(0), 200).unref();
  }
});

// Never outlive the parent.
process.on('disconnect', () => process.exit(0));
