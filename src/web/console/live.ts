/**
 * The tenant's live events (Server-Sent Events from `GET /api/v1/events`), shared by every screen
 * of the console through one connection. The browser reconnects by itself after a network drop;
 * when the server refuses the stream (the session ended), the console checks the session, which
 * sends the user to sign in.
 */
import { useEffect, useRef, useState } from 'react';
import { type Api, ApiError } from './api.ts';

export type LiveEvent = {
  type: string;
  entityType: string;
  entityId: string | null;
  at: string;
  data?: Record<string, string | number | boolean | null>;
};

type Handler = (event: LiveEvent) => void;
export type LiveState = 'connecting' | 'open' | 'closed';

const handlers = new Set<Handler>();
const stateListeners = new Set<(s: LiveState) => void>();
let source: EventSource | undefined;
let state: LiveState = 'connecting';
let api: Api | undefined;
/** Refusals in a row (the stream closed for good): the next try waits longer, up to 5 minutes. */
let refusals = 0;
let retry: ReturnType<typeof setTimeout> | undefined;

/** Event types to listen to (SSE delivers named events only to listeners of that name). */
let types: readonly string[] = [];

function setState(next: LiveState) {
  state = next;
  for (const l of stateListeners) l(next);
}

/** Opens the shared stream (once), listening to the event types given (the installed apps'). */
export function connectLive(client: Api, eventTypes: readonly string[] = types) {
  if (source) return;
  types = eventTypes;
  api = client;
  source = new EventSource(client.url('/events'));
  source.onopen = () => {
    refusals = 0;
    setState('open');
  };
  source.onerror = () => {
    if (source?.readyState === EventSource.CLOSED) {
      setState('closed');
      source = undefined;
      // Refused for good (e.g. 401): a session check sends the user to sign in; while the
      // session stands (a 403) or cannot be checked (a server restarting answers 502, or nothing),
      // try again later, waiting longer each time.
      refusals += 1;
      const later = () => {
        retry = setTimeout(
          () => api && connectLive(api, types),
          Math.min(300_000, 3000 * 2 ** (refusals - 1)),
        );
      };
      void client
        .get('/auth/session')
        .then(later, (err: unknown) => (err instanceof ApiError && err.status === 401 ? undefined : later()));
    } else setState('connecting');
  };
  const dispatch = (message: MessageEvent<string>) => {
    let event: LiveEvent;
    try {
      event = JSON.parse(message.data) as LiveEvent;
    } catch {
      return;
    }
    for (const h of handlers) h(event);
  };
  for (const type of types) source.addEventListener(type, dispatch);
  source.onmessage = dispatch;
}

/** Closes the shared stream (on sign-out). */
export function disconnectLive() {
  clearTimeout(retry);
  api = undefined;
  refusals = 0;
  source?.close();
  source = undefined;
  setState('closed');
}

/**
 * Calls `handler` for every live event while the component is shown. Bursts are coalesced: the
 * handler runs at most once per `settleMs` with the events since the last run.
 */
export function useLiveEvents(handler: (event: LiveEvent, batch: LiveEvent[]) => void, settleMs = 300) {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    let batch: LiveEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const h: Handler = (event) => {
      batch.push(event);
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        const events = batch;
        batch = [];
        const last = events[events.length - 1];
        if (last) ref.current(last, events);
      }, settleMs);
    };
    handlers.add(h);
    return () => {
      handlers.delete(h);
      clearTimeout(timer);
    };
  }, [settleMs]);
}

/**
 * Calls `handler` each time the stream (re)opens while the component is shown: events sent while
 * it was down are not replayed, so a screen that keeps a list from them reads it again.
 */
export function useLiveReopened(handler: () => void) {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    let last = state;
    const listener = (next: LiveState) => {
      if (next === 'open' && last !== 'open') ref.current();
      last = next;
    };
    stateListeners.add(listener);
    return () => {
      stateListeners.delete(listener);
    };
  }, []);
}

/** The stream's state, for a "live" indicator. */
export function useLiveState(): LiveState {
  const [s, set] = useState(state);
  useEffect(() => {
    stateListeners.add(set);
    set(state);
    return () => {
      stateListeners.delete(set);
    };
  }, []);
  return s;
}
