/* Every instant is shown as Vietnam's wall clock, whatever zone the browser is in. */
const VN_TZ = 'Asia/Ho_Chi_Minh';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TZ,
  year: 'numeric',
  month: 'numeric',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface VnClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export function vnClock(at: number): VnClock {
  const parts = Object.fromEntries(PARTS.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "17h00 ngày 08/6/2023"; a deadline at midnight is written as its day alone. */
export function vnOfficial(at: number): string {
  const c = vnClock(at);
  const day = `ngày ${pad(c.day)}/${c.month}/${c.year}`;
  return c.hour === 0 && c.minute === 0 ? day : `${pad(c.hour)}h${pad(c.minute)} ${day}`;
}

/** "2023-06-08T17:00" typed into a datetime-local field is Vietnam time, not the browser's. */
export function vnLocalInputToIso(value: string): string {
  return `${value.length === 16 ? `${value}:00` : value}+07:00`;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** "còn 3 ngày 4 giờ" / "quá hạn 2 ngày": how far a deadline is from now, to the hour. */
export function countdown(deadline: number, now: number): string {
  const diff = deadline - now;
  const abs = Math.abs(diff);
  const days = Math.floor(abs / DAY_MS);
  const hours = Math.floor((abs % DAY_MS) / HOUR_MS);
  const span = days > 0 ? `${days} ngày${hours > 0 ? ` ${hours} giờ` : ''}` : hours > 0 ? `${hours} giờ` : `${Math.max(1, Math.floor(abs / 60_000))} phút`;
  return diff >= 0 ? `còn ${span}` : `quá hạn ${span}`;
}
