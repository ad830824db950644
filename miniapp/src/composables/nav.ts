/**
 * Tiny in-memory navigation: three tabs plus a stack of nested layers (settings, modal, sheet).
 * Telegram's BackButton is shown while the stack is not empty and closes the top layer.
 */
import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { hideBackButton, showBackButton } from '../telegram';

export type Tab = 'profile' | 'challenges' | 'leaderboard';

export const tab = ref<Tab>('profile');
/** The challenge the leaderboard shows; set when jumping there from a card. */
export const leaderboardChallengeId = ref<number | null>(null);

interface Layer {
  id: number;
  close: () => void;
}
const stack = ref<Layer[]>([]);
let nextId = 1;

function syncBackButton(): void {
  const top = stack.value[stack.value.length - 1];
  if (top) showBackButton(() => top.close());
  else hideBackButton();
}

export function goTab(next: Tab): void {
  // Switching tabs closes nested layers first.
  for (const layer of [...stack.value].reverse()) layer.close();
  tab.value = next;
  window.scrollTo({ top: 0 });
}

/** Registers a nested layer while `open` is true; BackButton (and Escape) close it. */
export function useLayer(open: Ref<boolean>, close: () => void): void {
  let id = 0;
  const push = () => {
    id = nextId++;
    stack.value = [...stack.value, { id, close }];
    syncBackButton();
  };
  const pop = () => {
    if (!id) return;
    stack.value = stack.value.filter((l) => l.id !== id);
    id = 0;
    syncBackButton();
  };
  watch(open, (value) => (value ? push() : pop()), { immediate: true });
  onBeforeUnmount(pop);
}

if (typeof window !== 'undefined') {
  window.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    const top = stack.value[stack.value.length - 1];
    if (top) top.close();
  });
}

/** The challenge whose submit modal is open (one modal for the whole app). */
export const submitChallengeId = ref<number | null>(null);
export function openSubmit(challengeId: number): void {
  submitChallengeId.value = challengeId;
}
export function closeSubmit(): void {
  submitChallengeId.value = null;
}

/** Whether the nested settings screen is shown over the profile. */
export const settingsOpen = ref(false);

export function openLeaderboard(challengeId: number): void {
  leaderboardChallengeId.value = challengeId;
  goTab('leaderboard');
}
export function openSettings(): void {
  settingsOpen.value = true;
}
export function closeSettings(): void {
  settingsOpen.value = false;
}

/** The challenge whose history sheet is open. */
export const historyChallengeId = ref<number | null>(null);
export function openHistory(challengeId: number): void {
  historyChallengeId.value = challengeId;
}
export function closeHistory(): void {
  historyChallengeId.value = null;
}
