/* Plein search, the engine: reads the static index of search/export.py and ranks
   exactly as plugins/plein/search/rank.py does (see there for the rules). Python
   computed every weight and who-knows' order of people per topic; this file only looks
   words up, adds integers and puts people in the order it finds. */
(function (global) {
  "use strict";

  // search.rank's PART, GROUP and MAX_JOINED: words split on _ - : /, a group also joined
  const PART = "[\\p{L}\\p{N}]+(?:\\.[\\p{L}\\p{N}]+)*";
  const TOKEN = new RegExp(PART, "gu");
  const GROUP = new RegExp(`${PART}(?:[-_:/]${PART})*`, "gu");
  const MAX_JOINED = 4;
  const WORD_END = /[\p{L}\p{N}_]$/u;
  // plein.model.topics.SYMBOLS and SYMBOL: symbols that carry meaning are words
  const SYMBOLS = { "c++": "c plus plus", "c#": "c sharp", "f#": "f sharp", ".net": "dotnet" };
  const SYMBOL = /(?<![\p{L}\p{N}])(?:c\+\+|c#|f#|\.net)(?![\p{L}\p{N}+#])/giu;
  const nameSymbols = (text, joiner) =>
    text.replace(SYMBOL, (m) => ` ${SYMBOLS[m.toLowerCase()].replaceAll(" ", joiner)} `);
  const chars = (s) => Array.from(s);  // code points, as Python counts them

  function varints(bytes) {
    const out = [];
    let n = 0, shift = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      n += (b & 0x7f) * 2 ** shift;
      if (b & 0x80) { shift += 7; } else { out.push(n); n = 0; shift = 0; }
    }
    return out;
  }

  function slugify(text) {  // plein.model.topics.slugify
    const ascii = nameSymbols(text, "-").normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    return ascii.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "x";
  }

  function nodeFile(node) {
    if (/^[a-z0-9_]+$/.test(node)) return node;
    return "~" + Array.from(new TextEncoder().encode(node), (b) => b.toString(16).padStart(2, "0")).join("");
  }

  class Engine {
    constructor(root, fetcher) {
      this.root = root;  // URL of the plein-search/ folder, ending in '/'
      this.fetcher = fetcher || ((url, bin) => fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return bin ? r.arrayBuffer() : r.json();
      }));
      this.files = new Map();
    }

    get(path, bin) {
      if (!this.files.has(path)) {
        const p = this.fetcher(this.root + path, bin);
        p.catch(() => this.files.delete(path));
        this.files.set(path, p);
      }
      return this.files.get(path);
    }

    async load() {
      if (this.meta) return this.meta;
      const [meta, facets] = await Promise.all([this.get("meta.json"), this.get("facets.bin", true)]);
      this.P = meta.params;
      this.split = new Set(meta.split);
      this.nodes = new Set(meta.nodes);
      const nums = varints(new Uint8Array(facets)), nt = meta.teams.length;
      this.kind = new Uint8Array(meta.n);
      this.team = new Uint16Array(meta.n);
      this.location = new Uint16Array(meta.n);
      let o = 0, i = 0;
      for (; i < meta.kinds.length * nt; i++) {  // documents are in (kind, team) order
        this.kind.fill(Math.floor(i / nt), o, o + nums[i]);
        this.team.fill(i % nt, o, o + nums[i]);
        o += nums[i];
      }
      for (o = 0; i < nums.length; i += 2) { this.location.fill(nums[i], o, o + nums[i + 1]); o += nums[i + 1]; }
      const [from, to] = meta.fold.map(chars);
      this.foldMap = new Map(from.map((c, k) => [c, to[k]]));
      this.meta = meta;
      return meta;
    }

    fold(word) {
      let out = "";
      for (const c of word) out += this.foldMap.get(c) ?? c;
      return out;
    }

    readQuery(query) {  // search.rank.read_query
      query = chars(query).slice(0, this.P.MAX_QUERY).join("");
      const raw = [], whole = new Map();
      for (const g of nameSymbols(query, "").matchAll(GROUP)) {
        const parts = Array.from(g[0].matchAll(TOKEN), (m) => this.fold(m[0].toLowerCase()));
        raw.push(...parts);
        if (parts.length > 1 && parts.length <= MAX_JOINED && parts.every((p) => /\p{L}/u.test(p))) {
          for (const p of parts) if (!whole.has(p)) whole.set(p, parts.join(""));
        }
      }
      const words = Array.from(new Set(raw.filter((w) => chars(w).length >= 2))).slice(0, this.P.MAX_TOKENS);
      const last = raw.length && WORD_END.test(query) ? raw[raw.length - 1] : null;
      const prefix = last !== null && words.includes(last) && chars(last).length >= this.P.MIN_PREFIX ? last : null;
      const joined = new Map(words.filter((w) => whole.has(w)).map((w) => [w, whole.get(w)]));
      return { words, prefix, joined };
    }

    async exactStem(word) {  // [stem, df, pack, off, len, ...] of a surface word, or null
      const node = this.node(word);
      if (!this.nodes.has(node)) return null;
      const body = await this.get(`d/${nodeFile(node)}.json`);
      const own = body.w.find((w) => w[0] === word);
      return own ? body.s[own[2]] : null;
    }

    node(word) {
      const cs = chars(word);
      let n = 2;
      while (this.split.has(cs.slice(0, n).join("")) && cs.length > n) n++;
      return cs.slice(0, n).join("");
    }

    async postings(ref) {  // ref: [pack, offset, length]
      const buf = await this.get(`p/${ref[0]}.bin`, true);
      const nums = varints(new Uint8Array(buf, ref[1], ref[2]));
      const map = new Map();
      let doc = 0;
      for (let i = 0; i < nums.length; i += 2) { doc += nums[i]; map.set(doc, nums[i + 1]); }
      return map;
    }

    async alternatives(word, isPrefix, whole) {
      const node = this.node(word);
      const both = whole ? await this.exactStem(whole) : null;  // 'front' of 'front-end': 'frontend'
      if (!this.nodes.has(node)) return both ? this.alternativesOf([[both.slice(2, 5), false]]) : [];
      const body = await this.get(`d/${nodeFile(node)}.json`);
      const stem = (i) => body.s[i];  // [stem, df, pack, off, len, hpack, hoff, hlen]
      const own = body.w.find((w) => w[0] === word);
      const exact = own ? stem(own[2]) : null;
      const wanted = exact ? [[exact.slice(2, 5), false]] : [];
      if (both && !(exact && both[0] === exact[0])) wanted.push([both.slice(2, 5), false]);
      if (isPrefix) {
        let order;
        if (body.top && chars(word).length === chars(node).length) order = body.top.map(stem);
        else order = body.w.filter((w) => w[0] !== word && w[0].startsWith(word)).map((w) => stem(w[2]));
        const picked = [];
        for (const s of order) {
          if ((exact && s[0] === exact[0]) || picked.includes(s)) continue;
          picked.push(s);
          if (picked.length === this.P.MAX_EXPANSIONS) break;
        }
        for (const s of picked) wanted.push([s.slice(5, 8), true]);
      }
      return this.alternativesOf(wanted);
    }

    alternativesOf(wanted) {
      return Promise.all(wanted.map(async ([ref, exp]) => [await this.postings(ref), exp]));
    }

    /* {words, found: [ordinal...] best first, scores: Map(ordinal -> [matched, score])}. With
       `people`, the people who-knows lists for the topic the query writes are found too and
       take the places of people in its order (search.rank.ranked); the directory goes without. */
    async match(query, people) {
      await this.load();
      const { words, prefix, joined } = this.readQuery(query);
      const [perWord, first] = await Promise.all([  // fetched together: one round trip
        Promise.all(words.map((w) => this.alternatives(w, w === prefix, joined.get(w)))),
        people && words.length ? this.standing(words.join(" ")) : null]);
      const scores = new Map();
      for (const alternatives of perWord) {
        const best = new Map();
        for (const [postings, expansion] of alternatives) {
          for (let [doc, w] of postings) {
            if (expansion) w = Math.max(1, w >> 1);
            if (w > (best.get(doc) || 0)) best.set(doc, w);
          }
        }
        for (const [doc, w] of best) {
          const t = scores.get(doc);
          scores.set(doc, t ? [t[0] + 1, t[1] + w] : [1, w]);
        }
      }
      if (first) for (const o of first.keys()) if (!scores.has(o)) scores.set(o, [0, 0]);
      const docs = Array.from(scores.keys());
      const keys = new Float64Array(docs.length);  // words matched, then score (< 1e9)
      docs.forEach((d, i) => { const t = scores.get(d); keys[i] = t[0] * 1e9 + t[1]; });
      const order = Array.from(docs.keys()).sort((i, j) => (keys[j] - keys[i]) || (docs[i] - docs[j]));
      const found = order.map((i) => docs[i]);
      if (first) this.placePeople(found, first);
      return { words, found, scores };
    }

    /* Map(ordinal -> place) of the people who-knows lists for a topic form (search.rank
       .topic_form), as Python wrote them in s/ (search.export), or null. */
    async standing(form) {
      const file = nodeFile(chars(form).slice(0, 2).join(""));
      if (!(this.meta.standing || []).includes(file)) return null;  // an export before issue 27
      const ords = (await this.get(`s/${file}.json`))[form];
      return ords ? new Map(ords.map((o, place) => [o, place])) : null;
    }

    placePeople(found, first) {  // search.rank.ranked: placed people in their order, the rest after
      const person = this.meta.kinds.indexOf("person"), slots = [], people = [];
      found.forEach((o, i) => { if (this.kind[o] === person) { slots.push(i); people.push(o); } });
      const placed = people.filter((o) => first.has(o)).sort((a, b) => first.get(a) - first.get(b));
      placed.concat(people.filter((o) => !first.has(o))).forEach((o, k) => { found[slots[k]] = o; });
    }

    async topicDocs(i) {
      const nums = varints(new Uint8Array(await this.get(`t/${i}.bin`, true)));
      const set = new Set();
      let doc = 0;
      for (const d of nums) { doc += d; set.add(doc); }
      return set;
    }

    /* filters: {kind: Set of names, team: Set of names, location: Set of names, topic: index}.
       Returns the documents that pass, and per facet the counts of its values among the
       documents that pass the other facets' filters. */
    async filter(found, filters) {
      const m = this.meta, f = filters || {};
      const topic = f.topic != null ? await this.topicDocs(f.topic) : null;
      const mask = (names, wanted) => Uint8Array.from(names, (v) => (!wanted || !wanted.size || wanted.has(v) ? 1 : 0));
      const okK = mask(m.kinds, f.kind), okT = mask(m.teams, f.team), okL = mask(m.locations, f.location);
      const cK = new Uint32Array(m.kinds.length), cT = new Uint32Array(m.teams.length);
      const cL = new Uint32Array(m.locations.length);
      const kept = [];
      for (const o of found) {
        if (topic && !topic.has(o)) continue;
        const k = this.kind[o], t = this.team[o], l = this.location[o];
        const pk = okK[k], pt = okT[t], pl = okL[l];
        if (pt && pl) cK[k]++;
        if (pk && pl) cT[t]++;
        if (pk && pt) cL[l]++;
        if (pk && pt && pl) kept.push(o);
      }
      const counts = (names, c) => new Map(names.map((v, i) => [v, c[i]]).filter(([, n]) => n > 0));
      return {
        found: kept,
        counts: { kind: counts(m.kinds, cK), team: counts(m.teams, cT), location: counts(m.locations, cL) },
      };
    }

    async docs(ordinals) {
      const c = this.meta.chunk;
      const rows = await Promise.all(ordinals.map(async (o) => {
        const chunk = await this.get(`m/${Math.floor(o / c)}.json`);
        const [id, kind, title, url, snippet, extra, topics, alumnus, rank] = chunk[o % c];
        return { ord: o, id, kind, title, url, snippet, extra, topics, alumnus: !!alumnus, rank };
      }));
      return rows;
    }

    /* The directory's data (search/facets.py): team tree, office days and languages,
       added to meta. */
    async loadPeople() {
      await this.load();
      if (this.mask) return;
      const packed = await this.get("people.z", true);
      const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate"));
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      const line = bytes.indexOf(10);
      const m = Object.assign(this.meta, JSON.parse(new TextDecoder().decode(bytes.subarray(0, line))));
      m.team_ids = m.team_ids.map((id, i) => (id === null ? slugify(m.teams[i]) : id));
      this.alumnus = new Uint8Array(m.people);
      for (const o of m.alumni) this.alumnus[o] = 1;
      this.children = m.team_ids.map(() => []);
      m.team_parents.forEach((p, i) => { if (p >= 0) this.children[p].push(i); });
      this.mask = Float64Array.from(varints(bytes.subarray(line + 1)));  // up to 53 bits: no 32-bit operators
    }

    /* One page (1, 2, ...) of `size` rows of the people `found`, in name order. A list
       whose rows span at most `size` chunks is sorted by the place in name order that its
       rows carry; a longer one by order.bin, fetched once. */
    async byName(found, page, size) {
      const c = this.meta.chunk, from = (page - 1) * size;
      if (new Set(found.map((o) => Math.floor(o / c))).size <= size) {
        const rows = await this.docs(found);
        return rows.sort((a, b) => a.rank - b.rank).slice(from, from + size);
      }
      if (!this.order) this.order = Uint32Array.from(varints(new Uint8Array(await this.get("order.bin", true))));
      const keep = new Uint8Array(this.meta.people);
      for (const o of found) keep[o] = 1;
      const picked = [];
      for (const o of this.order) {
        if (keep[o] && picked.push(o) >= from + size) break;
      }
      return this.docs(picked.slice(from));
    }

    subtree(team) {  // a team and every team below it, as a mask over meta.teams
      const inside = new Uint8Array(this.meta.team_ids.length), todo = [team];
      while (todo.length) {
        const t = todo.pop();
        if (!inside[t]) { inside[t] = 1; todo.push(...this.children[t]); }
      }
      return inside;
    }

    /* The directory: the current staff who pass the filters {team, location, topic,
       language, day} (indexes into meta's lists, or null) and match `query` (everyone when
       it is empty), in document order (byName pages them by name); per facet, the counts
       among the people who pass the other filters (a
       team's count includes its sub-teams). Expertise counts are whole-organisation ones
       (meta.topic_people): each topic's list is fetched only when it is chosen. */
    async people(query, filters) {
      await this.loadPeople();
      const m = this.meta, n = m.people, f = filters || {}, nd = m.days.length;
      let candidate = null;
      if (query && query.trim()) {
        const { words, found } = await this.match(query);
        candidate = new Uint8Array(n);
        if (words.length) for (const o of found) if (o < n) candidate[o] = 1;
      }
      const topic = f.topic != null ? await this.topicDocs(f.topic) : null;
      const inTeam = f.team != null ? this.subtree(f.team) : null;
      const bit = (mask, b) => Math.floor(mask / 2 ** b) % 2 === 1;
      const cT = new Uint32Array(m.team_ids.length), cL = new Uint32Array(m.locations.length);
      const cG = new Uint32Array(m.languages.length), cD = new Uint32Array(nd);
      const found = [];
      for (let o = 0; o < n; o++) {
        if (this.alumnus[o] || (candidate && !candidate[o]) || (topic && !topic.has(o))) continue;
        const mask = this.mask[o];
        const okT = !inTeam || inTeam[this.team[o]] === 1, okL = f.location == null || this.location[o] === f.location;
        const okG = f.language == null || bit(mask, nd + f.language), okD = f.day == null || bit(mask, f.day);
        if (okL && okG && okD) cT[this.team[o]]++;
        if (okT && okG && okD) cL[this.location[o]]++;
        if (okT && okL && okD) for (let j = 0; j < cG.length; j++) if (bit(mask, nd + j)) cG[j]++;
        if (okT && okL && okG) for (let j = 0; j < nd; j++) if (bit(mask, j)) cD[j]++;
        if (okT && okL && okG && okD) found.push(o);
      }
      const teams = Uint32Array.from(cT);  // roll each team's own count up to its parents
      cT.forEach((c, t) => {
        for (let p = m.team_parents[t], hops = 0; c && p >= 0 && hops < cT.length; p = m.team_parents[p], hops++) teams[p] += c;
      });
      return {
        found,
        counts: { team: teams, location: cL, language: cG, day: cD, topic: m.topic_people },
      };
    }

    /* What the command line's `plein search --json` gives, for comparisons. */
    async search(query, filters, limit = 10) {
      const { words, found, scores } = await this.match(query, true);
      const kept = await this.filter(found, filters);
      const top = await this.docs(kept.found.slice(0, limit));
      return {
        words, total: kept.found.length,
        hits: top.map((d) => ({ ...d, matched: scores.get(d.ord)[0], score: scores.get(d.ord)[1] })),
      };
    }
  }

  Engine.slugify = slugify;  // tests/test_topics.py compares it with Python's
  // plein.site.avatar.hue: the colour of a person's initials (plein-avatar--c<n>)
  Engine.hue = (handle) => Array.from(handle).reduce((h, c) => (h * 31 + c.codePointAt(0)) % 8, 0);
  global.PleinSearchEngine = Engine;
})(typeof window !== "undefined" ? window : globalThis);
