/**
 * The bot under test: a real runtime (SQLite, fixed clock), the real GramIO bot polling a local
 * telegram-test-api over HTTP, and members who write to it. Waits are bounded polls, not sleeps;
 * "the bot sent nothing more" is decided once the bot has taken and handled every update sent.
 */
import { setDefaultTimeout } from 'bun:test';
import { createServer } from 'node:net';
import TelegramServer from 'telegram-test-api';
import type { ChallengeCreateInput } from '../../shared/schemas';
import { challengeVia, memberVia, OWNER, STEPS } from '../helpers/factories';
import { createBot, type QadamBot } from '../../server/bot';
import type { Logger } from '../../server/log';
import { TEST_BOT_TOKEN } from '../helpers/initData';
import { createTestRuntime, type TestRuntime } from '../helpers/runtime';

// Every step of a bot test waits for the bot's long polling of the fake Telegram: seconds on a
// slow machine. Bun applies this to each test file that imports the harness, and to no other.
setDefaultTimeout(20_000);

export interface LogLine {
  level: string;
  msg: string;
  fields?: Record<string, unknown>;
}

export function captureLogger(lines: LogLine[]): Logger {
  const push = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
    lines.push({ level, msg, fields });
    if (process.env.BOT_TEST_LOG) console.error(level, msg, fields ?? '');
  };
  return { debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error'), writes: () => true };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startFakeTelegram(port: number, tap?: FakeTelegramTap): Promise<TelegramServer> {
  const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 60 });
  if (tap) tapFakeTelegram(server, tap);
  await server.start();
  return server;
}

/** One Bot API call as the fake Telegram received it. */
export interface ReceivedCall {
  method: string;
  body: Record<string, any>;
}

/**
 * What telegram-test-api cannot do by itself: record every Bot API call it receives (methods it
 * does not implement too, which it refuses), and hand the bot raw updates of kinds it cannot
 * produce (inline queries) with the bot's next getUpdates.
 */
export interface FakeTelegramTap {
  received: ReceivedCall[];
  updates: Record<string, unknown>[];
}

type NodeHandler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;

function tapFakeTelegram(server: TelegramServer, tap: FakeTelegramTap): void {
  const holder = server as unknown as { webServer: NodeHandler };
  const inner = holder.webServer;
  const tapped: NodeHandler = (req, res) => {
    const method = /^\/bot[^/]+\/([A-Za-z]+)/.exec(req.url ?? '')?.[1];
    if (!method) return inner(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, any> = {};
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        body = Object.fromEntries(new URLSearchParams(raw));
      }
      if (method !== 'getUpdates') tap.received.push({ method, body });
      if (method === 'getUpdates' && tap.updates.length > 0) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ok: true, result: tap.updates.splice(0) }));
        return;
      }
      // Already read: express's body parser takes it from here (it skips a request marked read).
      Object.assign(req, { body, _body: true });
      inner(req, res);
    });
  };
  // The server logs express's settings when it starts: keep them reachable.
  holder.webServer = Object.assign(tapped, { settings: (inner as unknown as { settings: unknown }).settings });
}

export interface BotMessage {
  chat_id: number;
  text: string;
  reply_markup?: { inline_keyboard?: { text: string; callback_data?: string; url?: string; web_app?: { url: string } }[][] };
}

export interface MemberOptions {
  id?: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

let nextId = 700_000;

export class Member {
  readonly id: number;
  readonly from: Record<string, unknown>;
  private readonly inbox: BotMessage[] = [];

  constructor(
    /** The bot's side, when it runs in this process (a spawned server offers no `settled`). */
    private readonly harness: { readonly fakeUrl: string; posted?(): void; settled?(): Promise<void> },
    options: MemberOptions = {},
  ) {
    this.id = options.id ?? nextId++;
    this.from = {
      id: this.id,
      is_bot: false,
      first_name: options.first_name ?? `Member${this.id}`,
      ...(options.last_name ? { last_name: options.last_name } : {}),
      ...(options.username ? { username: options.username } : {}),
      ...(options.language_code ? { language_code: options.language_code } : {}),
    };
  }

  /** Where this member writes: their private chat, or a group set with inGroup(). */
  private chat: Record<string, unknown> | null = null;

  /** From now on the member writes in a group chat (the bot should stay out of groups). */
  inGroup(groupId: number): this {
    this.chat = { id: groupId, type: 'group', title: 'Club group' };
    return this;
  }

  private base() {
    return {
      botToken: TEST_BOT_TOKEN,
      date: Math.floor(Date.now() / 1000),
      from: this.from,
      chat: this.chat ?? { id: this.id, type: 'private', first_name: this.from.first_name },
    };
  }

  private async post(path: string, body: unknown): Promise<void> {
    const res = await fetch(`${this.harness.fakeUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    this.harness.posted?.();
  }

  /** A command as Telegram sends it: with the bot_command entity. */
  async command(text: string): Promise<void> {
    const space = text.indexOf(' ');
    const length = space === -1 ? text.length : space;
    await this.post('/sendCommand', { ...this.base(), text, entities: [{ offset: 0, length, type: 'bot_command' }] });
  }

  async text(text: string): Promise<void> {
    await this.post('/sendMessage', { ...this.base(), text });
  }

  async tap(data: string): Promise<void> {
    await this.post('/sendCallback', { ...this.base(), message: { chat: this.base().chat, from: this.from }, data });
  }

  /** The next message the bot sent this member, waiting up to `timeoutMs`. */
  async next(timeoutMs = 5000): Promise<BotMessage> {
    const deadline = Date.now() + timeoutMs;
    while (this.inbox.length === 0) {
      await this.fetchInbox();
      if (this.inbox.length > 0) break;
      if (Date.now() > deadline) throw new Error(`member ${this.id}: no message from the bot within ${timeoutMs} ms`);
      await Bun.sleep(20);
    }
    return this.inbox.shift()!;
  }

  /** Sends a command and returns the bot's answer. */
  async ask(command: string, timeoutMs?: number): Promise<BotMessage> {
    await this.command(command);
    return this.next(timeoutMs);
  }

  async reply(text: string): Promise<BotMessage> {
    await this.text(text);
    return this.next();
  }

  async press(data: string): Promise<BotMessage> {
    await this.tap(data);
    return this.next();
  }

  /** True when the bot, having handled everything sent to it so far, sent this member nothing more. */
  async silent(): Promise<boolean> {
    if (!this.harness.settled) throw new Error('silent() needs the bot in this process');
    await this.harness.settled();
    await this.fetchInbox();
    return this.inbox.length === 0;
  }

  private async fetchInbox(): Promise<void> {
    let res: Response;
    try {
      res = await fetch(`${this.harness.fakeUrl}/getUpdates`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: TEST_BOT_TOKEN, chatId: this.chat?.id ?? this.id }),
      });
    } catch {
      return; // the fake is restarting
    }
    const body = (await res.json()) as { result?: { message: BotMessage }[] };
    for (const item of body.result ?? []) this.inbox.push(item.message);
  }
}

export function buttons(message: BotMessage) {
  return (message.reply_markup?.inline_keyboard ?? []).flat();
}

export class BotHarness {
  fake!: TelegramServer;
  port!: number;
  runtime!: TestRuntime;
  qadam!: QadamBot;
  readonly logs: LogLine[] = [];
  /** Every Bot API call the bot made but getUpdates, as the fake Telegram received it. */
  readonly received: ReceivedCall[] = [];
  private readonly tap: FakeTelegramTap = { received: this.received, updates: [] };
  private injectedUpdateId = 1_000_000;
  /** Updates members sent to the fake Telegram, and updates the bot took from it. */
  private sentUpdates = 0;
  private takenUpdates = 0;

  get fakeUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(options: { env?: Record<string, string>; now?: string } = {}): Promise<this> {
    this.port = await freePort();
    this.fake = await startFakeTelegram(this.port, this.tap);
    this.runtime = createTestRuntime({
      now: options.now,
      env: { TELEGRAM_API_URL: this.fakeUrl, PUBLIC_URL: 'https://qadam.example', ...options.env },
    });
    this.qadam = createBot(
      { services: this.runtime.services, config: this.runtime.config, log: captureLogger(this.logs), clock: this.runtime.clock },
      { polling: { idleDelayMs: 15, timeoutSeconds: 0, backoff: { initialMs: 50, maxMs: 400, factor: 2 } } },
    );
    const queue = this.qadam.bot.updates.queue;
    const addBatch = queue.addBatch.bind(queue);
    queue.addBatch = (updates) => {
      this.takenUpdates += updates.length;
      addBatch(updates);
    };
    const info = await this.qadam.start();
    if (!info) throw new Error('bot did not connect');
    this.runtime.setBotUsername(info.username ?? null);
    return this;
  }

  async stop(): Promise<void> {
    await this.qadam?.stop();
    await this.fake?.stop();
    this.runtime?.close();
  }

  posted(): void {
    this.sentUpdates++;
  }

  /** Hands the bot a raw update telegram-test-api cannot make (e.g. `{ inline_query }`). */
  inject(update: Record<string, unknown>): void {
    this.tap.updates.push({ update_id: this.injectedUpdateId++, ...update });
    this.posted();
  }

  /** The calls of one Bot API method the bot made so far. */
  calls(method: string): ReceivedCall[] {
    return this.received.filter((c) => c.method === method);
  }

  /** Resolves once the bot took every update sent so far, handled it, and sent what it queued. */
  async settled(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.takenUpdates < this.sentUpdates) {
      if (Date.now() > deadline) throw new Error(`the bot took ${this.takenUpdates} of ${this.sentUpdates} updates`);
      await Bun.sleep(10);
    }
    await this.qadam.bot.updates.queue.onIdle();
    await this.qadam.messenger.idle();
  }

  member(options: MemberOptions = {}): Member {
    return new Member(this, options);
  }

  get services() {
    return this.runtime.services;
  }

  /** A member registered directly through the service (for tests not about registration). */
  async registered(options: MemberOptions & { displayName?: string } = {}): Promise<Member> {
    const m = this.member(options);
    await memberVia(
      this.services,
      {
        telegramId: m.id,
        firstName: String(m.from.first_name),
        lastName: (m.from.last_name as string | undefined) ?? null,
        username: (m.from.username as string | undefined) ?? null,
        languageCode: (m.from.language_code as string | undefined) ?? null,
      },
      { displayName: options.displayName },
    );
    return m;
  }

  challenge(input: Partial<ChallengeCreateInput> = {}) {
    return challengeVia(this.services, { ...STEPS, ...input });
  }

  async join(member: Member, challengeId: number): Promise<void> {
    await this.services.challenges.join(member.id, challengeId);
  }

  /** The member's stored result of today in a challenge, or null. */
  async todaysValue(memberId: number, challengeId: number): Promise<number | null> {
    const entry = (await this.services.members.profile(memberId)).challenges.find((c) => c.challenge.id === challengeId);
    return entry?.today?.value ?? null;
  }

  async ban(member: Member): Promise<void> {
    const row = await this.services.members.findMember(member.id);
    if (!row) throw new Error('unknown member');
    await this.services.admin.members.banMember(OWNER, row.id, 'test');
  }

  errors(): LogLine[] {
    return this.logs.filter((l) => l.level === 'error');
  }
}
