/** How a time window is written for people, everywhere: "21:00–23:59". */
import type { TimeWindow } from './schemas';

export function formatWindow(window: TimeWindow): string {
  return `${window.start}–${window.end}`;
}
