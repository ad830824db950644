/**
 * Invitations through the bot's /start payload and sharing through its inline mode, against
 * telegram-test-api. The fake knows neither inline queries nor answerInlineQuery: the harness
 * hands the bot the inline_query update itself and records the answer the bot sent (which the
 * fake then refuses, as it refuses every method it does not implement).
 */
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { BotHarness, buttons } from './harness';

let h: BotHarness;
beforeAll(async () => {
  h = await new BotHarness().start({ env: { MINIAPP_SHORT_NAME: 'club' } });
});
afterAll(async () => {
  await h.stop();
});

async function inviteCode(telegramId: number): Promise<string> {
  return (await h.services.invitations.myInvite(telegramId)).code;
}

async function invitedBy(telegramId: number) {
  const row = (await h.services.members.findMember(telegramId))!;
  return (await h.services.invitations.memberInvitations({ telegramId: 1000, role: 'owner' }, row.id)).invitedBy;
}

describe('/start with an invitation', () => {
  test('the payload waits for the registration and records who invited whom, via the bot', async () => {
    const inviter = await h.registered({ first_name: 'Dilnoza', displayName: 'Dilnoza' });
    const code = await inviteCode(inviter.id);
    const invite = await h.services.invitations.myInvite(inviter.id);
    expect(invite.link).toBe(`https://t.me/TestNameBot/club?startapp=inv_${code}`); // the fake's getMe name
    expect(invite.botLink).toBe(`https://t.me/TestNameBot?start=inv_${code}`);

    const m = h.member({ first_name: 'Jasur', language_code: 'uz' });
    const greeting = await m.ask(`/start inv_${code}`);
    expect(greeting.text).toContain('Assalomu alaykum, Jasur!');
    // Seen, not registered: nothing recorded yet.
    expect(await invitedBy(m.id)).toBeNull();

    const done = await m.press(buttons(greeting)[0]!.callback_data!);
    expect(done.text).toContain('Tayyor, Jasur!');
    expect(await invitedBy(m.id)).toMatchObject({ telegramId: inviter.id, name: 'Dilnoza', via: 'bot' });
    expect((await h.services.invitations.myInvite(inviter.id)).joined).toBe(1);

    // A later /start with someone else's code changes nothing.
    const other = await h.registered();
    const back = await m.ask(`/start inv_${await inviteCode(other.id)}`);
    expect(back.text).toContain('Qaytganingizdan xursandmiz');
    expect(await invitedBy(m.id)).toMatchObject({ telegramId: inviter.id });
    expect((await h.services.invitations.myInvite(other.id)).joined).toBe(0);
  });

  test('a typed name registers with the invitation too; unknown and own codes are ignored', async () => {
    const inviter = await h.registered({ displayName: 'Malika' });
    const code = await inviteCode(inviter.id);
    const typed = h.member({ first_name: 'Oleg', language_code: 'ru' });
    await typed.ask(`/start ch_3-inv_${code}`);
    expect((await typed.reply('Олег')).text).toContain('Готово, Олег!');
    expect(await invitedBy(typed.id)).toMatchObject({ telegramId: inviter.id, via: 'bot' });

    for (const payload of ['inv_zzzzzzzzzz', 'inv_<b>x</b>', `inv_${code.toUpperCase()}`, 'x'.repeat(64)]) {
      const m = h.member();
      const greeting = await m.ask(`/start ${payload}`);
      await m.press(buttons(greeting)[0]!.callback_data!);
      expect({ payload, by: await invitedBy(m.id) }).toEqual({ payload, by: null });
    }
    // The inviter's own link: already registered, welcomed back, nothing recorded.
    const tg = h.member({ id: inviter.id });
    expect((await tg.ask(`/start inv_${code}`)).text).toContain('Qaytganingizdan xursandmiz');
    expect(await invitedBy(inviter.id)).toBeNull();
    expect((await h.services.invitations.myInvite(inviter.id)).joined).toBe(1);
    expect(h.errors()).toEqual([]);
  });
});

describe('inline mode', () => {
  function inlineQuery(from: { id: number; first_name: string }, query: string, id: string) {
    h.inject({ inline_query: { id, from: { ...from, is_bot: false }, query, offset: '', chat_type: 'sender' } });
  }

  async function answerTo(id: string): Promise<Record<string, any>> {
    await h.settled();
    const call = h.calls('answerInlineQuery').find((c) => c.body.inline_query_id === id);
    if (!call) throw new Error(`no answerInlineQuery for ${id}`);
    const body = call.body;
    return { ...body, results: typeof body.results === 'string' ? JSON.parse(body.results) : body.results };
  }

  test('typing @bot offers the member’s cards in their language, each opening its challenge', async () => {
    const steps = await h.challenge({ title: 'Qadamlar', emoji: '👟', unit: 'qadam', target: 8000 });
    const book = await h.challenge({ title: 'Kitob', emoji: '📚', unit: 'bet' });
    const m = await h.registered({ first_name: 'Nodira', language_code: 'en', displayName: 'Nodira' });
    await h.join(m, steps.id);
    await h.join(m, book.id);
    await h.services.submissions.submit(m.id, steps.id, 9500);
    const code = await inviteCode(m.id);

    inlineQuery(m.from as { id: number; first_name: string }, '', 'q-all');
    const all = await answerTo('q-all');
    expect(all.cache_time).toBe(0);
    expect(all.is_personal).toBe(true);
    expect(all.results.map((r: { id: string }) => r.id)).toEqual([`streak-${steps.id}`, `today-${steps.id}`, `streak-${book.id}`]);
    const today = all.results[1];
    expect(today).toMatchObject({ type: 'article', title: '✅ Today: 9,500 qadam', description: '👟 Qadamlar · 🔥 1' });
    expect(today.input_message_content.message_text).toContain('Nodira today: 👟 Qadamlar — 9,500 qadam.');
    expect(today.input_message_content.message_text).toContain('Daily target reached!');
    expect(today.reply_markup.inline_keyboard).toEqual([
      [{ text: '👣 Open the challenge', url: `https://t.me/TestNameBot/club?startapp=ch_${steps.id}-inv_${code}` }],
    ]);

    // The Mini App's fallback query, and words of a title, narrow the list.
    inlineQuery(m.from as { id: number; first_name: string }, `ch_${book.id}`, 'q-book');
    expect((await answerTo('q-book')).results.map((r: { id: string }) => r.id)).toEqual([`streak-${book.id}`]);
    inlineQuery(m.from as { id: number; first_name: string }, 'qadam', 'q-words');
    expect((await answerTo('q-words')).results.map((r: { id: string }) => r.id)).toEqual([`streak-${steps.id}`, `today-${steps.id}`]);
  });

  test('someone who is not a member gets no cards and a button to start the bot', async () => {
    inlineQuery({ id: 990_001, first_name: 'Guest' }, '', 'q-guest');
    const answer = await answerTo('q-guest');
    expect(answer.results).toEqual([]);
    const button = typeof answer.button === 'string' ? JSON.parse(answer.button) : answer.button;
    expect(button).toEqual({ text: 'Qadam Clubga qoʻshiling', start_parameter: 'share' });
  });

  test('the fake refuses answerInlineQuery (it lacks it): logged, nobody messaged, the bot keeps serving', async () => {
    const m = await h.registered();
    inlineQuery(m.from as { id: number; first_name: string }, '', 'q-refused');
    await answerTo('q-refused');
    expect(h.logs.filter((l) => l.msg === 'bot: inline query not answered').length).toBeGreaterThanOrEqual(4);
    expect(h.errors()).toEqual([]);
    expect(await m.silent()).toBe(true);
    expect((await m.ask('/help')).text.length).toBeGreaterThan(0);
  });
});

describe('prepared messages from the Mini App', () => {
  test('the server asks Telegram to save the card; the fake lacks the method, so the Mini App gets the fallbacks', async () => {
    const c = await h.challenge({ title: 'Yugurish', emoji: '🏃', unit: 'km' });
    const m = await h.registered({ language_code: 'ru', displayName: 'Руслан' });
    await h.join(m, c.id);
    const prepared = await h.services.sharing.prepareShare(m.id, { challengeId: c.id, kind: 'streak' });
    expect(prepared).toMatchObject({ preparedMessageId: null, fallback: 'refused', inlineQuery: `ch_${c.id}` });
    expect(prepared.shareUrl.startsWith('https://t.me/share/url?url=')).toBe(true);

    const [call] = h.calls('savePreparedInlineMessage');
    expect(call!.body).toMatchObject({
      user_id: m.id,
      allow_user_chats: true,
      allow_group_chats: true,
      result: {
        type: 'article',
        id: `streak-${c.id}`,
        title: '🔥 Серия: 0 дней подряд',
        reply_markup: { inline_keyboard: [[{ text: '👣 Открыть челлендж', url: prepared.card.button.url }]] },
      },
    });
    expect(call!.body.result.input_message_content.message_text).toBe(prepared.card.text);
    expect(prepared.card.text).toContain('Руслан: 🏃 Yugurish — 0 дней подряд!');
  });
});
