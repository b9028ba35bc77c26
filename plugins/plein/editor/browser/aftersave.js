/* After Save, a plain statement of what happens next. Decap's own "Concept / Wordt beoordeeld /
   Klaar" means nothing to most staff: say "within a few minutes" for what people write about
   themselves, or who will look at it and why.

   This is a forecast from the same rules as the publishing policy (plugins/plein/policy/), read
   from policy.json beside this file: which kinds publish at once and which profile fields HR
   keeps. The trusted job on the forge decides; when it decides otherwise, the merge request
   says why. Every text is set with textContent. */

const WORDS = {
  nl: {
    saved: "Opgeslagen.",
    live: {
      replies: "Je reactie staat binnen {when} op het intranet.",
      threads: "Je vraag staat binnen {when} op het intranet.",
      updates: "Je update staat binnen {when} op het intranet.",
      kudos: "Je kudos staan binnen {when} op het intranet.",
      profiles: "Je profiel staat binnen {when} zo op het intranet.",
      helped: "Binnen {when} telt de reactie jouw ‘Dit hielp mij’ mee.",
    },
    review: "Dit gaat eerst langs een moderator, omdat {why}. Daarna staat het op het intranet.",
    why: {
      hr: "je velden verandert die HR of een moderator bijhoudt ({fields})",
      other: "het het profiel van een collega is",
      nobody: "je gebruikersnaam op GitLab of GitHub nog niet in je profiel staat",
      news: "nieuws eerst langs het communicatieteam gaat",
      teams: "teams door de moderatoren worden bijgehouden",
      kind: "de organisatie deze bijdragen eerst laat bekijken",
    },
    close: "Sluiten",
    forge: "een paar minuten", local: "een paar seconden",
  },
  en: {
    saved: "Saved.",
    live: {
      replies: "Your reply will be on the intranet within {when}.",
      threads: "Your question will be on the intranet within {when}.",
      updates: "Your update will be on the intranet within {when}.",
      kudos: "Your kudos will be on the intranet within {when}.",
      profiles: "Your profile will show this within {when}.",
      helped: "Within {when} the reply counts your ‘This helped me’.",
    },
    review: "A moderator looks at this first, because {why}. Then it is on the intranet.",
    why: {
      hr: "it changes fields that HR or a moderator keeps ({fields})",
      other: "it is a colleague's profile",
      nobody: "your GitLab or GitHub username is not in your profile yet",
      news: "news goes through the communications team",
      teams: "the moderators keep the teams",
      kind: "the organisation has these contributions looked at first",
    },
    close: "Close",
    forge: "a few minutes", local: "a few seconds",
  },
};
// without policy.json (an older build): what the policy publishes by default
const DEFAULTS = { publish: ["reply", "question", "update", "kudos", "helped", "profile"], labels: {},
                   personal: ["ask_me_about", "bio", "chat", "digest", "expertise", "interests", "kudos", "language",
                              "languages", "links", "office_days", "phone", "photo", "pronouns"] };
const KIND = { replies: "reply", threads: "question", updates: "update", kudos: "kudos", helped: "helped",
               profiles: "profile" };

function same(a, b) {
  return JSON.stringify(a === undefined || a === "" ? null : a) === JSON.stringify(b === undefined || b === "" ? null : b);
}

/* What will happen to this save: { live: true } or { why: "…" }. */
export function forecast(collection, data, before, me, policy, words) {
  const kind = KIND[collection];
  if (collection === "news") return { why: words.why.news };
  if (!kind) return { why: words.why.teams };
  if (!policy.publish.includes(kind)) return { why: words.why.kind };
  if (!me || !me.forge) return { why: words.why.nobody };
  if (collection === "profiles") {
    if (data.handle && data.handle !== me.handle) return { why: words.why.other };
    const keys = new Set([...Object.keys(data), ...Object.keys(before)]);
    const changed = [...keys].filter((f) => !f.startsWith("_") && f !== "body" && f !== "handle"
                                          && !policy.personal.includes(f) && !same(data[f], before[f]));
    if (changed.length) {
      const names = changed.map((f) => (policy.labels[f] || f).toLowerCase()).join(", ");
      return { why: words.why.hr.replace("{fields}", names) };
    }
  }
  return { live: true };
}

function show(text, words) {
  let box = document.getElementById("plein-after-save");
  if (!box) {
    box = document.createElement("div");
    box.id = "plein-after-save";
    box.className = "plein-after-save";
    box.setAttribute("role", "status");
    box.setAttribute("aria-live", "polite");
    const message = document.createElement("p");
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = words.close;
    close.addEventListener("click", () => { box.hidden = true; });
    box.append(message, close);
    document.body.append(box);
  }
  box.hidden = false;
  box.querySelector("p").textContent = text;
}

export function tellAfterSave(CMS, lang, who, parse, getJSON) {
  const words = WORDS[lang] || WORDS.en;
  let pending = null;
  let when = words.forge;  // plein serve merges into the local main itself: seconds, not minutes
  getJSON("local.json").then((local) => { if (local && local.publishes) when = words.local; });
  CMS.registerEventListener({
    name: "preSave",
    handler: async ({ entry }) => {
      const data = entry.get("data");
      const plain = data.toJS ? data.toJS() : { ...data };
      let before = {};
      try { before = (plain._source && parse(plain._source)) || {}; } catch (e) { before = {}; }
      const policy = { ...DEFAULTS, ...((await getJSON("policy.json")) || {}) };
      const me = await who();
      const slug = entry.get("slug");
      const collection = entry.get("collection");
      pending = forecast(collection, { ...plain, handle: collection === "profiles" ? slug : undefined },
                         before, me, policy, words);
      pending.collection = collection;
      return data;
    },
  });
  CMS.registerEventListener({
    name: "postSave",
    handler: () => {
      if (!pending) return;
      const next = pending.live ? words.live[pending.collection].replace("{when}", when)
                                : words.review.replace("{why}", pending.why);
      show(`${words.saved} ${next}`, words);
      pending = null;
    },
  });
}
