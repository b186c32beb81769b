// Chrome traces over CDP, and their analysis: which of the page's main-thread tasks were
// spent running a given script (the extension's content script, or mark.js).

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'toplevel',
  'blink.user_timing',
  '__metadata',
  'disabled-by-default-v8.cpu_profiler',
];

/** Start tracing on a CDP session (Playwright `context.newCDPSession(page)`). */
export async function startTrace(cdp, { categories = TRACE_CATEGORIES } = {}) {
  // BENCH_TRACE_CATEGORIES=a,b,c overrides the list (to study the tracing overhead).
  if (process.env.BENCH_TRACE_CATEGORIES) categories = process.env.BENCH_TRACE_CATEGORIES.split(',');
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    streamFormat: 'json',
    traceConfig: { includedCategories: categories, recordMode: 'recordAsMuchAsPossible' },
  });
}

/** Stop tracing and return the trace events (the stream is read with IO.read). */
export async function stopTrace(cdp) {
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  if (!stream) throw new Error('Tracing.tracingComplete carried no stream');
  const chunks = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8'));
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

// Names of a thread's top-level scheduler tasks, old and new Chromium spellings.
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadControllerImpl::DoWork', 'ThreadPool_RunTask']);

/** The script URLs an event points at: its own url, its stack frames, its initiator. */
function urlsOf(event) {
  const urls = [];
  const data = event.args?.data ?? event.args?.beginData;
  if (!data) return urls;
  if (typeof data.url === 'string') urls.push(data.url);
  if (typeof data.scriptName === 'string') urls.push(data.scriptName);
  for (const frames of [data.stackTrace, data.stack]) {
    if (Array.isArray(frames)) for (const f of frames) if (typeof f?.url === 'string') urls.push(f.url);
  }
  return urls;
}

// Events that run script: their url (or stack) says whose script it is.
const SCRIPT_EVENTS = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'TimerFire',
  'TimerInstall',
  'FireAnimationFrame',
  'RequestAnimationFrame',
  'EventDispatch',
  'FireIdleCallback',
  'RunPostTaskCallback',
  'SchedulePostTaskCallback',
  'v8.produceCache',
  'v8.produceModuleCache',
  'v8.deserializeCache',
]);

// The outermost pieces of work a task is made of, for the breakdown of long tasks.
const PARTS = new Set([
  'EvaluateScript', 'FunctionCall', 'RunMicrotasks', 'TimerFire', 'EventDispatch', 'FireAnimationFrame',
  'ParseHTML', 'ParseAuthorStyleSheet', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize',
  'MajorGC', 'MinorGC', 'V8.GC_MARK_COMPACTOR', 'BlinkGC.AtomicPhase', 'HitTest', 'v8.compile',
]);

/**
 * The renderer main thread that loaded `pageUrl`: the CrRendererMain thread with the most
 * events naming that URL (ParseHTML, ResourceSendRequest, …). Returns { pid, tid }.
 */
export function findPageThread(events, pageUrl) {
  const mains = new Set();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  }
  const score = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    const data = e.args?.data ?? e.args?.beginData;
    const url = data?.url ?? data?.documentLoaderURL ?? data?.frameURL;
    if (typeof url === 'string' && url.startsWith(pageUrl)) score.set(key, (score.get(key) ?? 0) + 1);
  }
  const best = [...score.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best) throw new Error(`no renderer main thread in the trace loaded ${pageUrl}`);
  const [pid, tid] = best[0].split(':').map(Number);
  return { pid, tid };
}

/**
 * Every renderer main thread that ran a frame of the page: the CrRendererMain threads with
 * at least one event naming a URL under one of `prefixes` (the page's origin, the ad frames'
 * other origin, …). With site isolation a cross-site frame runs in a renderer process of its
 * own, so a page with cross-site frames has several. Returns [{ pid, tid, events }] with the
 * number of URL-naming events, most first.
 */
export function findFrameThreads(events, prefixes) {
  const mains = new Set();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  }
  const score = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    const data = e.args?.data ?? e.args?.beginData;
    const url = data?.url ?? data?.documentLoaderURL ?? data?.frameURL;
    if (typeof url === 'string' && prefixes.some((p) => url.startsWith(p))) score.set(key, (score.get(key) ?? 0) + 1);
  }
  return [...score.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([key, count]) => {
      const [pid, tid] = key.split(':').map(Number);
      return { pid, tid, events: count };
    });
}

/**
 * `attribute` on every thread of `findFrameThreads(events, prefixes)`, summed: { threads:
 * [{ pid, tid, events, count, longestMs, totalMs, jsMs, overEightMs }], count, longestMs
 * (the longest on any thread), totalMs, jsMs, overEightMs }.
 */
export function attributeFrames(events, { prefixes, isOurs }) {
  const threads = findFrameThreads(events, prefixes).map((thread) => {
    const r = attribute(events, { isOurs, thread });
    return { ...thread, count: r.count, longestMs: r.longestMs, totalMs: r.totalMs, jsMs: r.jsMs, overEightMs: r.tasks.filter((t) => t.ms > 8).length };
  });
  const sum = (key) => threads.reduce((total, t) => total + t[key], 0);
  return {
    threads,
    count: sum('count'),
    longestMs: threads.reduce((m, t) => Math.max(m, t.longestMs), 0),
    totalMs: sum('totalMs'),
    jsMs: sum('jsMs'),
    overEightMs: sum('overEightMs'),
  };
}

/**
 * Attribute the page's main-thread tasks to a script. `isOurs(url)` says whether a script URL
 * belongs to what is measured. A top-level task is attributed when any script event inside
 * it (FunctionCall, EvaluateScript, v8.compile, TimerFire, FireAnimationFrame, EventDispatch,
 * …) points at one of our URLs by its url or stack frames.
 *
 * `thread` ({ pid, tid }) picks the thread; by default it is `findPageThread(events, pageUrl)`.
 *
 * Returns { tasks: [{ ts, dur, ms, names }], count, longestMs, totalMs, marks, thread,
 * unattributedScriptTasks } with times in ms; `marks` maps user-timing mark names to their
 * trace time in ms (relative to the first task of the thread) when present, and
 * `window` is the extension's own figures between two marks when `between` is given.
 */
export function attribute(events, { pageUrl, isOurs, between, thread = findPageThread(events, pageUrl) }) {
  const onThread = events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && (e.ph === 'X' || e.ph === 'I' || e.ph === 'i' || e.ph === 'R' || e.ph === 'B' || e.ph === 'E' || e.ph === 'n'))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  // Top-level tasks: task events not nested inside another one.
  const top = [];
  let openUntil = -Infinity;
  for (const e of onThread) {
    if (e.ph !== 'X' || !TASK_NAMES.has(e.name) || typeof e.dur !== 'number') continue;
    if (e.ts < openUntil) continue;
    top.push(e);
    openUntil = e.ts + e.dur;
  }

  // JS samples of the thread (when the cpu_profiler category was on): [time µs, ours?].
  const samples = profileSamples(events, thread, isOurs);
  let k = 0;

  // Walk the thread's events once, assigning each to the top-level task that contains it.
  const ours = [];
  let unattributedScriptTasks = 0;
  let i = 0;
  for (const task of top) {
    const end = task.ts + task.dur;
    while (i < onThread.length && onThread[i].ts < task.ts) i++;
    let mine = false;
    let script = false;
    const names = new Set();
    const parts = {};
    let partEnd = -Infinity;
    for (let j = i; j < onThread.length && onThread[j].ts <= end; j++) {
      const e = onThread[j];
      if (e.ph === 'X' && PARTS.has(e.name) && e.ts >= partEnd) {
        parts[e.name] = (parts[e.name] ?? 0) + e.dur / 1000;
        partEnd = e.ts + e.dur;
      }
      if (!SCRIPT_EVENTS.has(e.name)) continue;
      script = true;
      if (urlsOf(e).some(isOurs)) {
        mine = true;
        names.add(e.name);
      }
    }
    while (k < samples.length && samples[k].t < task.ts) k++;
    let jsUs = 0;
    for (let j = k; j < samples.length && samples[j].t <= end; j++) {
      if (!samples[j].ours) continue;
      mine = true;
      names.add('(js sample)');
      jsUs += samples[j].us;
    }
    if (mine) ours.push({ ts: task.ts, dur: task.dur, ms: task.dur / 1000, jsMs: jsUs / 1000, names: [...names], parts });
    else if (script) unattributedScriptTasks++;
  }

  // User-timing marks, wherever they were recorded (the page's thread or not).
  const marks = {};
  for (const e of events) {
    if (!String(e.cat ?? '').includes('blink.user_timing')) continue;
    if (e.ph === 'e' || e.ph === 'E') continue;
    if (e.pid !== thread.pid) continue;
    const at = e.ts + (e.ph === 'X' ? e.dur : 0);
    if (marks[e.name] === undefined) marks[e.name] = at;
  }

  const sum = (list) => list.reduce((total, t) => total + t.ms, 0);
  const result = {
    thread,
    count: ours.length,
    longestMs: ours.reduce((m, t) => Math.max(m, t.ms), 0),
    totalMs: sum(ours),
    jsMs: ours.reduce((total, t) => total + t.jsMs, 0),
    sampled: samples.length > 0,
    tasks: ours,
    unattributedScriptTasks,
    marksUs: marks,
  };
  if (between && marks[between[0]] !== undefined && marks[between[1]] !== undefined) {
    const [from, to] = [marks[between[0]], marks[between[1]]];
    const inside = ours.filter((t) => t.ts + t.dur >= from && t.ts <= to);
    result.window = {
      ms: (to - from) / 1000,
      count: inside.length,
      totalMs: sum(inside),
      longestMs: inside.reduce((m, t) => Math.max(m, t.ms), 0),
    };
  }
  return result;
}

/**
 * The V8 CPU profiler's samples for one thread (category disabled-by-default-v8.cpu_profiler),
 * sorted by time: { t (µs, trace clock), us (interval to the next sample, capped at 2 ms),
 * ours (some frame of the sampled stack is one of our scripts) }.
 */
export function profileSamples(events, thread, isOurs) {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid);
  if (!profile) return [];
  const nodes = new Map();
  const raw = [];
  let t = profile.args?.data?.startTime ?? profile.ts;
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === thread.pid && e.id === profile.id).sort((a, b) => a.ts - b.ts);
  for (const chunk of chunks) {
    const data = chunk.args?.data ?? {};
    for (const node of data.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      t += deltas[i] ?? 0;
      raw.push({ t, id: ids[i] });
    }
  }
  const memo = new Map();
  const oursNode = (id) => {
    if (memo.has(id)) return memo.get(id);
    const node = nodes.get(id);
    memo.set(id, false); // guards against cycles in a malformed profile
    const value = !!node && (isOurs(node.callFrame?.url ?? '') || (node.parent !== undefined && oursNode(node.parent)));
    memo.set(id, value);
    return value;
  };
  raw.sort((a, b) => a.t - b.t);
  return raw.map((s, i) => ({
    t: s.t,
    us: Math.min((raw[i + 1]?.t ?? s.t) - s.t, 2000),
    ours: oursNode(s.id),
  }));
}
