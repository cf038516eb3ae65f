import { firstRunDayAtOrAfter, isoWeekday, runAt } from '../../core/notify/run-days.ts';
import { formatVn } from '../../core/time.ts';

/**
 * EventBridge Scheduler played on the wall clock: the daily run at 08:00 Vietnam time, and
 * on Mondays the digest after it. Returns a function that cancels the next firing.
 */
export function startLocalClock(fire: (run: 'daily' | 'digest', asOf: string) => Promise<void>, now: () => number = Date.now): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const arm = () => {
    if (stopped) return;
    const day = firstRunDayAtOrAfter(now() + 1);
    const at = runAt(day);
    timer = setTimeout(() => {
      void (async () => {
        await fire('daily', formatVn(at));
        if (isoWeekday(day) === 1) await fire('digest', formatVn(at));
        arm();
      })();
    }, Math.max(0, at - now()));
    /* The clock never keeps the process alive on its own: the servers do. */
    timer.unref();
  };
  arm();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
