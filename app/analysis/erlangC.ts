// Erlang C (M/M/c queue): how many Call Specialists the Contact Center needs so that a share
// of calls is answered within a target time (SPEC §5). Pure: usable on the server and in the
// browser calculator alike.
//
// The textbook form A^N/N! · N/(N−A) / (Σ A^k/k! + …) overflows doubles past ~170 agents, so
// we run the Erlang B recursion B(k) = A·B(k−1) / (k + A·B(k−1)), whose terms stay in [0, 1],
// and convert: C = N·B / (N − A·(1 − B)).

export interface Traffic {
  callsPerHour: number;
  handleTimeSeconds: number;
}

export interface Staffing extends Traffic {
  agents: number;
}

export interface ServiceTarget extends Traffic {
  targetSeconds: number;
  /** Share of calls to answer within targetSeconds, strictly between 0 and 1. */
  targetServiceLevel: number;
  /** Cap on agent occupancy (offered load ÷ agents), e.g. 0.85 to avoid burn-out. */
  maxOccupancy?: number;
}

const SECONDS_PER_HOUR = 3600;

/**
 * The largest offered load (erlangs) computed: a hundred times the busiest contact centers.
 * Above it the agent search would run for minutes (it is linear in the answer), and a load
 * that overflows to Infinity would never end; such figures are typing errors, not plans.
 */
export const MAX_OFFERED_LOAD = 100_000;

function assertNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  }
}

function assertAgents(agents: number): void {
  if (!Number.isInteger(agents) || agents < 0) {
    throw new RangeError(`agents must be a whole number ≥ 0, got ${agents}`);
  }
}

/** Offered load in erlangs: the hours of talk arriving per hour. */
export function trafficIntensity({ callsPerHour, handleTimeSeconds }: Traffic): number {
  assertNonNegative("callsPerHour", callsPerHour);
  assertNonNegative("handleTimeSeconds", handleTimeSeconds);
  const load = (callsPerHour * handleTimeSeconds) / SECONDS_PER_HOUR;
  if (!(load <= MAX_OFFERED_LOAD)) {
    throw new RangeError(
      `The offered load (calls an hour × handle time) must be at most ${MAX_OFFERED_LOAD} erlangs, got ${load}`,
    );
  }
  return load;
}

function erlangBStep(traffic: number, agents: number, previous: number): number {
  return (traffic * previous) / (agents + traffic * previous);
}

function erlangCFromB(traffic: number, agents: number, blocking: number): number {
  return (agents * blocking) / (agents - traffic * (1 - blocking));
}

// P(wait > t) = C · e^(−(N − A)·t / AHT) for exponential handle times.
function answeredWithin(
  traffic: number,
  agents: number,
  waitProbability: number,
  handleSeconds: number,
  targetSeconds: number,
): number {
  return 1 - waitProbability * Math.exp((-(agents - traffic) * targetSeconds) / handleSeconds);
}

/**
 * Probability that a call has to wait. With agents ≤ load the queue grows without bound, so
 * every call waits (1); with no traffic nobody waits (0).
 * Past the load, B falls faster than geometrically and underflows to 0 within a few thousand
 * agents of it; from there every further agent leaves it 0, so the loop stops (1e12 agents
 * cost what a few thousand do).
 */
export function erlangC(input: Staffing): number {
  const traffic = trafficIntensity(input);
  assertAgents(input.agents);
  if (traffic === 0) return 0;
  if (input.agents <= traffic) return 1;
  let blocking = 1;
  for (let k = 1; k <= input.agents && blocking > 0; k++) blocking = erlangBStep(traffic, k, blocking);
  return erlangCFromB(traffic, input.agents, blocking);
}

/** Share of calls answered within targetSeconds. */
export function serviceLevel(input: Staffing & { targetSeconds: number }): number {
  assertNonNegative("targetSeconds", input.targetSeconds);
  const traffic = trafficIntensity(input);
  const wait = erlangC(input);
  if (wait === 0) return 1;
  if (wait === 1) return 0;
  return answeredWithin(traffic, input.agents, wait, input.handleTimeSeconds, input.targetSeconds);
}

/**
 * Fewest agents that meet the service target (and the occupancy cap, when given). Always more
 * agents than the load, since a queue at or above 100 % occupancy never clears. The search
 * advances the Erlang B recursion one agent at a time, so it is linear in the answer even for
 * thousands of agents. It ends: the load is finite and bounded (trafficIntensity), and once B
 * underflows to 0 the service level is 1, which meets any target below 1.
 */
export function agentsNeeded(input: ServiceTarget): number {
  const traffic = trafficIntensity(input);
  assertNonNegative("targetSeconds", input.targetSeconds);
  const { targetServiceLevel, maxOccupancy = 1 } = input;
  if (!(targetServiceLevel > 0 && targetServiceLevel < 1)) {
    throw new RangeError(`targetServiceLevel must be between 0 and 1 (exclusive), got ${targetServiceLevel}`);
  }
  if (!(maxOccupancy > 0 && maxOccupancy <= 1)) {
    throw new RangeError(`maxOccupancy must be in (0, 1], got ${maxOccupancy}`);
  }
  if (traffic === 0) return 0;

  const fewestForOccupancy = traffic / maxOccupancy;
  let blocking = 1;
  for (let agents = 1; ; agents++) {
    blocking = erlangBStep(traffic, agents, blocking);
    if (agents <= traffic || agents < fewestForOccupancy) continue;
    const wait = erlangCFromB(traffic, agents, blocking);
    const level = answeredWithin(traffic, agents, wait, input.handleTimeSeconds, input.targetSeconds);
    if (level >= targetServiceLevel) return agents;
  }
}
