// How guessable a new password is, estimated with zxcvbn (@zxcvbn-ts/core) over the same common
// dictionary as the blocklist (issue 15, item 8). The blocklist matches whole passwords only, so
// "password1234567890" passed it; zxcvbn sees the common word plus a sequence and counts the
// guesses an attacker who tries such patterns first would need. NIST SP 800-63B-4 lets a
// verifier refuse such passwords, provided it says why.
import { ZxcvbnFactory, type FeedbackType } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/**
 * zxcvbn's score 3 (at least 10^8 guesses) for a password that is the only factor: behind scrypt
 * at ~70 ms a guess that is months of one core's time offline, and the sign-in limits allow a
 * few hundred guesses a day online. Score 2 (10^6) with a second factor, which NIST lets be 8
 * characters: a password alone does not sign in, and a random 8 characters scores just 2.
 */
export function minimumScore(hasMfa: boolean): number {
  return hasMfa ? 2 : 3;
}

/** zxcvbn's work grows with length; its judgement of the first 64 characters is enough. */
const SCORED_LENGTH = 64;

let estimator: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs, maxLength: SCORED_LENGTH });
  return estimator;
}

const WHY: Record<string, string> = {
  straightRow: "it follows a row of keys on the keyboard",
  keyPattern: "it follows a pattern of keys on the keyboard",
  simpleRepeat: "it repeats characters",
  extendedRepeat: "it repeats a pattern",
  sequences: "it contains a sequence like 1234 or abcd",
  recentYears: "it contains a recent year",
  dates: "it contains a date",
  topTen: "it is one of the most used passwords",
  topHundred: "it is one of the most used passwords",
  common: "it is a commonly used password",
  similarToCommon: "it is a commonly used password with a small change",
  wordByItself: "a single word is easy to guess",
  namesByThemselves: "names are easy to guess",
  commonNames: "common names are easy to guess",
  userInputs: "it contains your e-mail address",
};

/** Why the password is too easy to guess, or null when it is not. `personal` holds the account's own words. */
export function guessableProblem(password: string, options: { hasMfa: boolean; personal: string[] }): string | null {
  const result = zxcvbn().check(password, options.personal);
  if (result.score >= minimumScore(options.hasMfa)) return null;
  const warning: FeedbackType["warning"] = result.feedback.warning;
  const why = warning ? WHY[warning] : undefined;
  return why
    ? `That password is easy to guess: ${why}. Choose another; a few unrelated words together work well`
    : "That password is easy to guess. Make it longer; a few unrelated words together work well";
}
