// Mission Control: one page, no build step. Sessions arrive over Server-Sent Events (a snapshot, then changes);
// the DOM is keyed by session id and patched once per animation frame, so hundreds of sessions stay smooth.
'use strict';
(() => {
  const $ = (id) => document.getElementById(id);
  const token = document.querySelector('meta[name="agentlive-token"]')?.content ?? '';
  const sessions = new Map();   // id -> normalized session
  const cards = new Map();      // id -> card element
  const dirty = new Set();      // ids whose card must be patched
  const needsBefore = new Map(); // id -> whether it needed you at the last event (for notifications)
  const stats = { snapshotSessions: 0, snapshotRenderMs: 0, flushes: 0, updates: 0, lastFlushMs: 0, maxFlushMs: 0, events: 0 };
  window.missionControl = { stats };
  let summary = null;
  let orderDirty = true;
  let frame = 0;
  let detailId = null;
  let messagesTimer = 0;
  let snapshotPending = false;

  // ---- data ------------------------------------------------------------------------------------------------------
  function normalize(s) {
    const status = s.status;
    return {
      id: s.id, source: s.source, status, needsYou: status === 'needs_you',
      kind: s.state?.kind ?? '', label: s.state?.label ?? '', evidence: s.state?.evidence ?? '', activity: s.activity?.display ?? '',
      project: s.projectName ?? (s.projectPath ? s.projectPath.split('/').pop() : '') ?? '',
      title: s.title ?? s.lastUserMessage ?? '',
      branch: s.gitBranch ?? '', model: s.model ?? '', tokens: s.tokens?.total ?? 0, cost: s.costUsd,
      ctxUsed: s.contextWindowTokens, ctxSize: s.contextWindowSize, pid: s.pid,
      started: Date.parse(s.startedAt ?? '') || 0, last: Date.parse(s.lastActivityAt ?? s.startedAt ?? '') || 0,
      subAgents: s.subAgents ?? [],
    };
  }

  function put(raw, live) {
    const s = normalize(raw);
    const was = needsBefore.get(s.id);
    if (live && s.needsYou && was === false) { notify(s); }
    needsBefore.set(s.id, s.needsYou);
    const old = sessions.get(s.id);
    if (!old || old.needsYou !== s.needsYou || old.last !== s.last || old.status !== s.status
        || old.source !== s.source || old.project !== s.project || old.title !== s.title) { orderDirty = true; }
    sessions.set(s.id, s);
    dirty.add(s.id);
  }

  function remove(id) {
    sessions.delete(id);
    needsBefore.delete(id);
    dirty.add(id);
    orderDirty = true;
  }

  // Who needs you first, then what the monitor cannot see (worth a look too), then the rest.
  const rank = (s) => (s.needsYou ? 0 : s.status === 'unknown' ? 1 : 2);
  function compare(a, b) {
    if (rank(a) !== rank(b)) { return rank(a) - rank(b); }
    if (a.last !== b.last) { return b.last - a.last; }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  }

  // ---- filters (kept in the URL) ---------------------------------------------------------------------------------
  const filters = { source: '', status: '', needs: false, q: '' };
  function readFilters() {
    const p = new URLSearchParams(location.search);
    filters.source = p.get('source') ?? '';
    filters.status = p.get('status') ?? '';
    filters.needs = p.get('needs') === '1';
    filters.q = p.get('q') ?? '';
    $('f-source').value = filters.source;
    $('f-status').value = filters.status;
    $('f-needs').checked = filters.needs;
    $('f-q').value = filters.q;
  }
  function writeFilters() {
    filters.source = $('f-source').value;
    filters.status = $('f-status').value;
    filters.needs = $('f-needs').checked;
    filters.q = $('f-q').value.trim();
    const p = new URLSearchParams();
    if (filters.source) { p.set('source', filters.source); }
    if (filters.status) { p.set('status', filters.status); }
    if (filters.needs) { p.set('needs', '1'); }
    if (filters.q) { p.set('q', filters.q); }
    if (detailId) { p.set('session', detailId); }
    const query = p.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
    orderDirty = true;
    schedule();
  }
  function visible(s) {
    if (filters.source && s.source !== filters.source) { return false; }
    if (filters.status && s.status !== filters.status) { return false; }
    if (filters.needs && !s.needsYou) { return false; }
    if (filters.q) {
      const q = filters.q.toLowerCase();
      if (!s.project.toLowerCase().includes(q) && !s.title.toLowerCase().includes(q)) { return false; }
    }
    return true;
  }

  // ---- formatting ------------------------------------------------------------------------------------------------
  const sourceName = (s) => (s === 'claude' ? 'Claude' : s === 'codex' ? 'Codex' : s);
  function tokens(n) {
    if (n >= 1e6) { return `${(n / 1e6).toFixed(1)}M`; }
    if (n >= 1e3) { return `${(n / 1e3).toFixed(1)}k`; }
    return String(n ?? 0);
  }
  const cost = (c) => (c == null ? '—' : `$${Number(c).toFixed(2)}`);
  function ago(t) {
    if (!t) { return '—'; }
    const s = Math.max(0, (Date.now() - t) / 1000);
    if (s < 60) { return `${Math.floor(s)}s`; }
    if (s < 3600) { return `${Math.floor(s / 60)}m`; }
    if (s < 86400) { return `${Math.floor(s / 3600)}h`; }
    return `${Math.floor(s / 86400)}d`;
  }
  const statusText = { working: 'working', needs_you: 'needs you', done: 'done', unknown: 'unknown' };
  // States worth a badge of their own beside the status: what the monitor cannot see, and work the agent's own turn does not carry.
  const kindFlag = { not_recorded: 'not recorded', delegating: 'delegating', background_task: 'in background' };
  const evidenceWords = { transcript: 'transcript', live_report: 'live report', process_tree: 'process table', time: 'time' };
  const evidenceText = (e) => e.split(',').map((w) => w.trim()).filter(Boolean).map((w) => evidenceWords[w] ?? w).join(' + ');

  // ---- cards -----------------------------------------------------------------------------------------------------
  function el(tag, cls, parent) {
    const e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function makeCard(id) {
    const li = el('li', 'card');
    li.tabIndex = 0;
    li.dataset.id = id;
    const r1 = el('div', 'row', li);
    const parts = { badge: el('span', 'badge', r1), project: el('span', 'project', r1), status: el('span', 'status', r1), flag: el('span', 'flag', r1), state: el('span', 'state', r1) };
    parts.title = el('div', 'title', li);
    parts.activity = el('div', 'activity', li);
    const facts = el('div', 'facts', li);
    for (const k of ['branch', 'model', 'tokens', 'cost', 'age', 'pid']) { parts[k] = el('span', `f-${k}`, facts); }
    parts.meter = el('meter', null, li);
    parts.meter.min = 0;
    parts.meter.max = 1;
    parts.meter.low = 0.7;
    parts.meter.high = 0.9;
    parts.meter.optimum = 0;
    li._parts = parts;
    return li;
  }
  function set(node, text) { if (node.textContent !== text) { node.textContent = text; } }
  function patch(li, s) {
    const p = li._parts;
    li.dataset.status = s.status;
    li.dataset.needs = String(s.needsYou);
    li.dataset.source = s.source;
    p.badge.dataset.source = s.source;
    set(p.badge, sourceName(s.source));
    set(p.project, s.project || s.id);
    p.status.dataset.status = s.status;
    set(p.status, statusText[s.status]);
    li.dataset.kind = s.kind;
    p.flag.dataset.kind = s.kind;
    set(p.flag, kindFlag[s.kind] ?? '');
    set(p.state, s.label);
    set(p.title, s.title);
    set(p.activity, s.activity ? `▸ ${s.activity}` : '');
    set(p.branch, s.branch ? `⎇ ${s.branch}` : '');
    set(p.model, s.model);
    set(p.tokens, `${tokens(s.tokens)} tok`);
    set(p.cost, cost(s.cost));
    set(p.age, `age ${ago(s.started)} · last ${ago(s.last)}`);
    set(p.pid, s.pid ? `pid ${s.pid}` : 'no pid');
    const fill = s.ctxUsed && s.ctxSize ? Math.min(1, s.ctxUsed / s.ctxSize) : 0;
    p.meter.value = fill;
    p.meter.title = s.ctxSize ? `context ${tokens(s.ctxUsed ?? 0)} of ${tokens(s.ctxSize)}` : 'context unknown';
    li.setAttribute('aria-label', `${sourceName(s.source)} ${s.project || s.id}: ${[statusText[s.status], kindFlag[s.kind], s.label].filter(Boolean).join(', ')}`);
  }

  function schedule() { if (!frame) { frame = requestAnimationFrame(flush); } }
  function flush() {
    frame = 0;
    const t0 = performance.now();
    const grid = $('grid');
    for (const id of dirty) {
      const s = sessions.get(id);
      let li = cards.get(id);
      if (!s) { if (li) { li.remove(); cards.delete(id); } continue; }
      if (!li) { li = makeCard(id); cards.set(id, li); }
      patch(li, s);
      stats.updates++;
    }
    dirty.clear();
    if (orderDirty) {
      orderDirty = false;
      const list = [...sessions.values()].filter(visible).sort(compare);
      const current = grid.children;
      let same = current.length === list.length;
      for (let i = 0; same && i < list.length; i++) { same = current[i] === cards.get(list[i].id); }
      if (!same) { grid.replaceChildren(...list.map((s) => cards.get(s.id))); }
      $('empty').hidden = list.length > 0;
      set($('count'), `${list.length} of ${sessions.size} sessions`);
    }
    renderSummary();
    const ms = performance.now() - t0;
    stats.flushes++;
    stats.lastFlushMs = ms;
    stats.maxFlushMs = Math.max(stats.maxFlushMs, ms);
    if (snapshotPending) {
      snapshotPending = false;
      stats.snapshotSessions = sessions.size;
      stats.snapshotRenderMs = ms;
      document.body.dataset.ready = 'true';
    }
  }

  function renderSummary() {
    let needs = 0;
    let working = 0;
    let unknown = 0;
    for (const s of sessions.values()) {
      if (s.needsYou) { needs++; } else if (s.status === 'working') { working++; } else if (s.status === 'unknown') { unknown++; }
    }
    if (summary) { needs = summary.needsYouCount ?? needs; working = summary.workingCount ?? working; unknown = summary.unknownCount ?? unknown; }
    set($('sum-needs'), String(needs));
    set($('sum-working'), String(working));
    set($('sum-unknown'), String(unknown));
    set($('sum-tokens'), tokens(summary?.totalTokensToday ?? 0));
    set($('sum-cost'), cost(summary?.totalCostTodayUsd ?? 0));
    const title = needs > 0 ? `(${needs}) Mission Control` : 'Mission Control';
    if (document.title !== title) { document.title = title; }
  }

  // ---- notifications ---------------------------------------------------------------------------------------------
  let notifyOn = localStorage.getItem('agentlive.notify') === '1' && window.Notification?.permission === 'granted';
  function renderNotify() {
    const b = $('notify');
    b.hidden = !window.Notification;
    b.textContent = notifyOn ? 'Notifications on' : 'Notify me';
    b.setAttribute('aria-pressed', String(notifyOn));
  }
  async function toggleNotify() {
    if (notifyOn) { notifyOn = false; } else {
      const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
      notifyOn = permission === 'granted';
    }
    localStorage.setItem('agentlive.notify', notifyOn ? '1' : '0');
    renderNotify();
  }
  function notify(s) {
    if (!notifyOn) { return; }
    try {
      const n = new Notification(`${sourceName(s.source)} · ${s.project || s.id} needs you`, { body: s.label, tag: s.id });
      n.onclick = () => { window.focus(); openDetail(s.id); };
    } catch { /* notifications unavailable */ }
  }

  // ---- the stream ------------------------------------------------------------------------------------------------
  function setConn(state, text) { const c = $('conn'); c.dataset.state = state; c.textContent = text; }
  function snapshot(e) {
    const t0 = performance.now();
    const data = JSON.parse(e.data);
    for (const id of sessions.keys()) { dirty.add(id); }
    sessions.clear();
    for (const s of data.sessions) { put(s, false); }
    summary = data.summary ?? summary;
    orderDirty = true;
    snapshotPending = true;
    stats.snapshotParseMs = performance.now() - t0;
    schedule();
    if (detailId) { loadMessages(); }
  }
  function change(e, live) {
    const data = JSON.parse(e.data);
    stats.events++;
    if (data.session) { put(data.session, live); }
    if (data.session && detailId === data.session.id) { renderDetailHeader(); queueMessages(); }
    schedule();
  }
  // A transcript holds something its source does not know: some state may be missing, so say so (the latest one,
  // the others in the tooltip).
  const drifts = [];
  function drift(d) {
    const what = `${d.source} ${d.kind.replace('_', ' ')} ${d.name} (client ${d.clientVersion || 'unknown'})`;
    drifts.push(what);
    const el = $('drift');
    set(el, drifts.length === 1 ? `format drift: ${what}` : `format drift: ${what} +${drifts.length - 1}`);
    el.title = `Transcripts hold what this version does not know; some state may be missing:\n${drifts.join('\n')}`;
    el.hidden = false;
  }
  function connect() {
    setConn('connecting', 'connecting…');
    const es = new EventSource('api/live/stream');
    es.onopen = () => setConn('live', 'live');
    es.onerror = () => {
      if (es.readyState === EventSource.CLOSED) {
        setConn('reconnecting', 'disconnected — retrying…');
        setTimeout(connect, 3000);
      } else {
        setConn('reconnecting', 'reconnecting…');
      }
    };
    es.addEventListener('snapshot', snapshot);
    es.addEventListener('resync', snapshot);
    es.addEventListener('discovered', (e) => change(e, true));
    es.addEventListener('updated', (e) => change(e, true));
    es.addEventListener('completed', (e) => {
      const data = JSON.parse(e.data);
      stats.events++;
      remove(data.session.id);
      schedule();
    });
    es.addEventListener('summary', (e) => { summary = JSON.parse(e.data); renderSummary(); });
    es.addEventListener('format_drift', (e) => drift(JSON.parse(e.data)));
    es.addEventListener('heartbeat', () => { if ($('conn').dataset.state !== 'live') { setConn('live', 'live'); } });
  }

  // ---- detail panel ----------------------------------------------------------------------------------------------
  function renderDetailHeader() {
    const s = sessions.get(detailId);
    if (!s) { return; }
    const b = $('d-badge');
    b.dataset.source = s.source;
    set(b, sourceName(s.source));
    set($('d-title'), s.project || s.id);
    set($('d-meta'), [statusText[s.status], kindFlag[s.kind], s.label, s.branch && `⎇ ${s.branch}`, s.model, `${tokens(s.tokens)} tok`, cost(s.cost), s.pid ? `pid ${s.pid}` : 'no pid', s.id].filter(Boolean).join(' · '));
    set($('d-evidence'), s.evidence ? `based on: ${evidenceText(s.evidence)}` : '');
    renderSubAgents(s.subAgents);
    $('d-stop').disabled = !s.pid;
  }
  function renderSubAgents(list) {
    const ul = $('d-subagents');
    ul.hidden = list.length === 0;
    ul.replaceChildren(...list.map((a) => {
      const li = el('li');
      li.dataset.status = a.status ?? '';
      set(el('span', 'name', li), [a.agentType || 'sub-agent', a.description].filter(Boolean).join(' — '));
      const status = el('span', 'status', li);
      status.dataset.status = a.status ?? '';
      set(status, a.status ?? '');
      if (a.activity?.display) { set(el('span', 'activity', li), `▸ ${a.activity.display}`); }
      set(el('span', 'tokens', li), `${tokens(a.tokens?.total ?? 0)} tok`);
      return li;
    }));
  }
  function openDetail(id) {
    detailId = id;
    set($('d-result'), '');
    $('d-messages').replaceChildren();
    $('detail').hidden = false;
    renderDetailHeader();
    loadMessages();
    writeFilters();
    $('detail').focus();
  }
  function closeDetail() {
    const id = detailId;
    detailId = null;
    $('detail').hidden = true;
    writeFilters();
    cards.get(id)?.focus();
  }
  function queueMessages() {
    if (!messagesTimer) { messagesTimer = setTimeout(() => { messagesTimer = 0; loadMessages(); }, 500); }
  }
  async function loadMessages() {
    const id = detailId;
    if (!id) { return; }
    const list = $('d-messages');
    try {
      const res = await fetch(`api/live/sessions/${encodeURIComponent(id)}/messages`, { headers: { Accept: 'application/json' } });
      if (id !== detailId) { return; }
      if (!res.ok) { set($('d-result'), (await res.json()).detail ?? `HTTP ${res.status}`); return; }
      const messages = (await res.json()).slice(-500);
      const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 20;
      list.replaceChildren(...messages.map((m) => {
        const li = el('li');
        li.dataset.role = m.role;
        li.dataset.error = String(!!m.isError);
        set(el('span', 'role', li), m.toolName ? `${m.role} · ${m.toolName}` : m.role);
        li.appendChild(document.createTextNode(m.text ?? ''));
        return li;
      }));
      if (atBottom) { list.scrollTop = list.scrollHeight; }
    } catch { set($('d-result'), 'Could not load the messages.'); }
  }
  async function stop() {
    const id = detailId;
    $('confirm').close();
    set($('d-result'), 'stopping…');
    try {
      const res = await fetch(`api/live/sessions/${encodeURIComponent(id)}/stop`, { method: 'POST', headers: { 'X-AgentLive-Token': token, Accept: 'application/json' } });
      const body = await res.json();
      set($('d-result'), res.ok ? `${body.outcome}${body.pid ? ` (pid ${body.pid})` : ''}: ${body.message}` : `${body.title}: ${body.detail}`);
    } catch { set($('d-result'), 'The stop request failed.'); }
  }

  // ---- wiring ----------------------------------------------------------------------------------------------------
  function start() {
    readFilters();
    renderNotify();
    for (const id of ['f-source', 'f-status', 'f-needs']) { $(id).addEventListener('change', writeFilters); }
    $('f-q').addEventListener('input', writeFilters);
    $('filters').addEventListener('submit', (e) => e.preventDefault());
    $('notify').addEventListener('click', toggleNotify);
    const grid = $('grid');
    grid.addEventListener('click', (e) => { const li = e.target.closest('.card'); if (li) { openDetail(li.dataset.id); } });
    grid.addEventListener('keydown', (e) => {
      const li = e.target.closest('.card');
      if (li && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); openDetail(li.dataset.id); }
    });
    $('d-close').addEventListener('click', closeDetail);
    $('detail').addEventListener('keydown', (e) => { if (e.key === 'Escape' && !$('confirm').open) { closeDetail(); } });
    $('d-stop').addEventListener('click', () => {
      const s = sessions.get(detailId);
      set($('c-text'), s ? `${sourceName(s.source)} session “${s.project || s.id}” (pid ${s.pid}) will be sent SIGTERM.` : '');
      $('confirm').showModal();
      $('c-cancel').focus();
    });
    $('c-cancel').addEventListener('click', () => $('confirm').close());
    $('c-ok').addEventListener('click', stop);
    setInterval(() => { for (const id of sessions.keys()) { dirty.add(id); } schedule(); }, 10000);
    const wanted = new URLSearchParams(location.search).get('session');
    connect();
    if (wanted) {
      detailId = wanted;
      $('detail').hidden = false;
      loadMessages();
    }
  }
  start();
})();
