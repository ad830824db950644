/**
 * Sharing and invitations in the Mini App: what the app was opened with (a challenge to show,
 * an invitation to send with the registration), the share sheet's state and the queries.
 */
import { useMutation, useQuery } from '@tanstack/vue-query';
import { computed, nextTick, ref, watch, type Ref } from 'vue';
import type { ProfileDto } from '../../../shared/types';
import type { ShareKind } from '../../../shared/sharing';
import { parseStartParam, type StartParam } from '../../../shared/startParam';
import { api } from '../api';
import { launchStartParam } from '../telegram';
import { goTab } from './nav';

let start: StartParam | null = null;
/** The start parameter of this launch, read once. */
export function arrival(): StartParam {
  start ??= parseStartParam(launchStartParam());
  return start;
}

/** The invitation to send with the registration (`inv_<code>`), when the app was opened with one. */
export function arrivedInvite(): string | undefined {
  const code = arrival().invite;
  return code ? `inv_${code}` : undefined;
}

/** The challenge the app was opened on, shown once the profile is there. */
export const focusChallengeId = ref<number | null>(null);
let startChallengeShown = false;

/**
 * Opens the challenge of a `ch_<id>` link once: on the profile when the member is in it,
 * otherwise in the challenge list (where they can join); the card is scrolled to and marked.
 */
export function useStartChallenge(profile: Ref<ProfileDto | undefined>): void {
  watch(
    profile,
    (data) => {
      const id = arrival().challengeId;
      if (!data || id === null || startChallengeShown) return;
      startChallengeShown = true;
      goTab(data.challenges.some((c) => c.challenge.id === id) ? 'profile' : 'challenges');
      focusChallengeId.value = id;
      void nextTick(() => revealWhenDrawn(id));
    },
    { immediate: true },
  );
}

/** Waits (up to 5 s) for the card to be drawn — the challenge list may still be loading. */
function revealWhenDrawn(id: number, deadline = Date.now() + 5000): void {
  const card = document.querySelector<HTMLElement>(`main [data-challenge-id="${id}"]`);
  if (!card) {
    if (Date.now() < deadline) requestAnimationFrame(() => revealWhenDrawn(id, deadline));
    return;
  }
  card.classList.add('focused');
  card.dataset.focused = 'true';
  card.scrollIntoView({ block: 'center' });
}

// ---- the share sheet ----

export const shareChallengeId = ref<number | null>(null);
export function openShare(challengeId: number): void {
  shareChallengeId.value = challengeId;
}
export function closeShare(): void {
  shareChallengeId.value = null;
}

export function useShareCards() {
  return useQuery({
    queryKey: computed(() => ['share', 'cards', shareChallengeId.value] as const),
    queryFn: () => api.shareCards(shareChallengeId.value!),
    enabled: computed(() => shareChallengeId.value !== null),
    staleTime: 0,
  });
}

export function usePrepareShare() {
  return useMutation({ mutationFn: (input: { challengeId: number; kind: ShareKind }) => api.prepareShare(input.challengeId, input.kind) });
}

export function useInvite() {
  return useQuery({ queryKey: ['invite'] as const, queryFn: api.invite, staleTime: 30_000 });
}

/** Copies text; false when the browser refuses (no permission, an old WebView). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    try {
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.append(area);
      area.select();
      const ok = document.execCommand('copy');
      area.remove();
      return ok;
    } catch {
      return false;
    }
  }
}
