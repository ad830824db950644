/**
 * The services as one explicitly built object, the single dependency the four adapters
 * (REST, tRPC, bot, jobs) receive. Every entry is a use-case bound to the context.
 */
import type { Clock } from '../clock';
import { DEFAULT_CORRECTION_MINUTES } from '../domain/corrections';
import type { ServiceContext } from './context';
import * as access from './admin/access';
import type { AdminActor } from './admin/access';
import type { ClubChatUpdateInput } from '../../shared/clubChat';
import * as adminAnnouncements from './admin/announcements';
import * as auditView from './admin/auditView';
import * as adminChallenges from './admin/challenges';
import * as exports from './admin/exports';
import * as adminFreezes from './admin/freezes';
import * as insights from './admin/insights';
import * as login from './admin/login';
import * as memberResults from './admin/memberResults';
import * as adminMembers from './admin/members';
import * as announcementDelivery from './announcementDelivery';
import * as challenges from './challenges';
import * as clubChat from './clubChat';
import * as corrections from './corrections';
import * as leaderboard from './leaderboard';
import * as history from './history';
import * as invitations from './invitations';
import { linksWithoutBot, type SharingLinks } from './links';
import * as members from './members';
import { Notices, tellMilestones } from './notices';
import * as photos from './photos';
import { ReadModel } from './readModel';
import { ActivityMarks } from './activityMarks';
import * as reminders from './reminders';
import * as reminderSettings from './reminderSettings';
import * as results from './results';
import * as sharing from './sharing';
import * as rollover from './rollover';
import type { Store } from './store';
import * as submit from './submit';

export function createServices(deps: {
  store: Store;
  clock: Clock;
  timeZone: string;
  correctionMinutes?: number;
  links?: SharingLinks;
  /** CLUB_CHAT_ID: the club's group, fixed by the operator (wins over an admin's choice). */
  clubChatId?: number | null;
}) {
  const { links = linksWithoutBot('http://localhost'), clubChatId = null, ...rest } = deps;
  const ctx: ServiceContext = {
    ...rest,
    correctionMinutes: deps.correctionMinutes ?? DEFAULT_CORRECTION_MINUTES,
    readModel: new ReadModel(deps.store),
    notices: new Notices(),
    activity: new ActivityMarks(deps.store),
  };
  const envChatId = clubChatId;
  // Badges and freezes of every committed write (this instance's and the others') reach the member.
  ctx.readModel.observe((events) =>
    events.some((e) => e.type === 'badge.earned' || e.type === 'freezes.changed') ? tellMilestones(ctx, events) : undefined,
  );
  const bound =
    <A extends unknown[], R>(fn: (ctx: ServiceContext, ...args: A) => R) =>
    (...args: A): R =>
      fn(ctx, ...args);
  return {
    /** The club's clock and time zone (the scheduler fires in it). */
    clock: deps.clock,
    timeZone: deps.timeZone,
    members: {
      seeMember: bound(members.seeMember),
      findMember: bound(members.findMember),
      register: bound(members.register),
      profile: bound(members.profile),
      currentChallenges: bound(members.currentChallenges),
      updateSettings: bound(members.updateSettings),
      setLanguage: bound(members.setLanguage),
      setReminders: bound(members.setReminders),
      markUnreachable: bound(members.markUnreachable),
      markReachable: bound(members.markReachable),
    },
    challenges: {
      listForMember: bound(challenges.listForMember),
      join: bound(challenges.join),
      leave: bound(challenges.leave),
    },
    submissions: {
      submit: bound(submit.submit),
    },
    corrections: {
      correctToday: bound(corrections.correctToday),
    },
    history: {
      historyOf: bound(history.historyOf),
    },
    photos: {
      notePhoto: bound(photos.notePhoto),
    },
    /** Invite links and who invited whom (recorded by members.register). */
    invitations: {
      myInvite: (telegramId: number) => invitations.myInvite(ctx, links, telegramId),
      memberInvitations: bound(invitations.memberInvitations),
    },
    /** Cards of a streak or today's result, shared from the Mini App or the bot's inline mode. */
    sharing: {
      shareCards: (telegramId: number, filter?: sharing.CardFilter) => sharing.shareCards(ctx, links, telegramId, filter),
      prepareShare: (telegramId: number, input: Parameters<typeof sharing.prepareShare>[3]) => sharing.prepareShare(ctx, links, telegramId, input),
      toInlineArticle: sharing.toInlineArticle,
    },
    /** Things members must hear about (the bot subscribes when it runs). */
    notices: {
      subscribe: (listener: Parameters<Notices['subscribe']>[0]) => ctx.notices.subscribe(listener),
    },
    leaderboard: {
      leaderboardForMember: bound(leaderboard.leaderboardForMember),
    },
    /** A member's own reminder time per challenge, or reminders off for one. */
    reminderSettings: {
      myReminders: bound(reminderSettings.myReminders),
      setMyReminder: bound(reminderSettings.setMyReminder),
    },
    // scheduled jobs (server/jobs)
    reminders: {
      dueReminders: bound(reminders.dueReminders),
      recordReminders: bound(reminders.recordReminders),
    },
    results: {
      closePeriod: bound(results.closePeriod),
      unclosedPeriods: bound(results.unclosedPeriods),
      pendingAnnouncements: bound(results.pendingAnnouncements),
      claimAnnouncement: bound(results.claimAnnouncement),
      announcementAudience: bound(results.announcementAudience),
      periodToClose: bound(results.periodToClose),
    },
    /** The club's Telegram group: where it is, what was posted there (server/jobs/clubChat.ts). */
    clubChat: {
      target: () => clubChat.target(ctx, envChatId),
      chooseGroup: (adminTelegramId: number, chat: { id: number; title: string }) => clubChat.chooseGroup(ctx, envChatId, adminTelegramId, chat),
      settings: (actor: AdminActor) => clubChat.clubChatSettings(ctx, envChatId, actor),
      update: (actor: AdminActor, input: ClubChatUpdateInput) => clubChat.updateClubChat(ctx, envChatId, actor, input),
      summaryDue: bound(clubChat.summaryDue),
      wasPosted: bound(clubChat.wasPosted),
      claimPost: bound(clubChat.claimPost),
      finishPost: bound(clubChat.finishPost),
      periodWinners: bound(clubChat.periodWinners),
      eveningSummary: bound(clubChat.eveningSummary),
      groupTop: bound(clubChat.groupTop),
    },
    rollover: {
      rolloverStreaks: bound(rollover.rolloverStreaks),
    },
    announcements: {
      claimRecipients: bound(announcementDelivery.claimRecipients),
      recordOutcome: bound(announcementDelivery.recordOutcome),
      finishDelivered: bound(announcementDelivery.finishDelivered),
      settleInterrupted: bound(announcementDelivery.settleInterrupted),
    },
    admin: {
      access: {
        requireAdmin: (telegramId: number) => access.requireAdmin(ctx, telegramId),
        isAdmin: bound(access.isAdmin),
        seedOwners: bound(access.seedOwners),
        listAdminUsers: bound(access.listAdminUsers),
        addAdmin: bound(access.addAdmin),
        removeAdmin: bound(access.removeAdmin),
      },
      login: {
        createLoginLink: bound(login.createLoginLink),
        consumeLoginLink: bound(login.consumeLoginLink),
        findSession: bound(login.findSession),
        endSession: bound(login.endSession),
      },
      challenges: {
        challengeLeaderboard: bound(adminChallenges.challengeLeaderboard),
        listAllChallenges: bound(adminChallenges.listAllChallenges),
        createChallenge: bound(adminChallenges.createChallenge),
        editChallenge: bound(adminChallenges.editChallenge),
      },
      members: {
        listMembers: bound(adminMembers.listMembers),
        memberDetail: bound(adminMembers.memberDetail),
        banMember: bound(adminMembers.banMember),
        unbanMember: bound(adminMembers.unbanMember),
        deleteSubmission: bound(adminMembers.deleteSubmission),
        setMemberStreak: bound(adminMembers.setMemberStreak),
        removeFromChallenge: bound(adminMembers.removeFromChallenge),
        setMemberResult: bound(memberResults.setMemberResult),
        grantFreeze: bound(adminFreezes.grantFreeze),
      },
      insights: {
        analytics: bound(insights.analytics),
        results: bound(insights.results),
      },
      audit: {
        auditPage: bound(auditView.auditPage),
        auditActionList: bound(auditView.auditActionList),
        auditForExport: bound(auditView.auditForExport),
        rememberAdminName: bound(auditView.rememberAdminName),
      },
      announcements: {
        createAnnouncement: bound(adminAnnouncements.createAnnouncement),
        announcementStatus: bound(adminAnnouncements.announcementStatus),
        recentAnnouncements: bound(adminAnnouncements.recentAnnouncements),
      },
      exports: {
        exportMembers: bound(exports.exportMembers),
        exportSubmissions: bound(exports.exportSubmissions),
        exportLeaderboard: bound(exports.exportLeaderboard),
      },
    },
    /** The read model (tests and benchmarks look inside). */
    readModel: ctx.readModel,
    /** Members' "last active" marks; the runtime flushes them on a timer and at close. */
    activity: ctx.activity,
  };
}

export type Services = ReturnType<typeof createServices>;
export type { TelegramIdentity, ServiceContext } from './context';
/** The member rules the adapters ask about (domain/members.ts). */
export { defaultDisplayName, isBanned, isRegistered } from '../domain/members';
