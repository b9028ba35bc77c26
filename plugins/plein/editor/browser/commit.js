/* Commit messages in the site's language, that say what and by whom: "Reactie op 'Zaaksysteem
   koppelen aan BAG-API' door Jan de Vries". The commit's subject is also the merge request's
   title, which moderators and owners read. Decap's own templates (backend.commit_messages in
   config.yml) know only the collection, the slug, the path and the login, so its Dutch
   templates stay as the fallback and this rewrites the message where the backend receives it. */
import { nameOf } from "./names.js";

const WORDS = {
  nl: { reply: "Reactie op '{title}' door {name}", thread: "Vraag '{title}' door {name}",
        discussion: "Discussie '{title}' door {name}", update: "Statusupdate door {name}",
        kudos: "Kudos van {name} aan {to}", profile: "Profiel van {title}", by: "{message} door {name}",
        news: "Nieuws '{title}' door {name}", team: "Team '{title}', door {name}",
        helped: "Reactie van {author} op '{title}' hielp {name}", changed: "{message} (gewijzigd)" },
  en: { reply: "Reply to '{title}' by {name}", thread: "Question '{title}' by {name}",
        discussion: "Discussion '{title}' by {name}", update: "Status update by {name}",
        kudos: "Kudos from {name} to {to}", profile: "Profile of {title}", by: "{message} by {name}",
        news: "News '{title}' by {name}", team: "Team '{title}', by {name}",
        helped: "{author}'s reply to '{title}' helped {name}", changed: "{message} (changed)" },
};
const BACKENDS = ["proxy", "gitlab", "github", "gitea", "bitbucket", "azure", "git-gateway", "test-repo"];
const THREAD = /^content\/discussions\/([a-z0-9-]+)\//;

function fill(template, values) {
  // one line, without the characters a subject cannot hold
  return template.replace(/\{(\w+)\}/g, (_, key) => String(values[key] ?? "").replace(/[\r\n]+/g, " ").trim());
}

async function message(collection, newEntry, file, data, me, words) {
  const name = (me && me.name) || "?";
  const thread = THREAD.exec(file.path || "");
  let template, values = { name };
  if (collection === "replies" || collection === "helped") {
    template = words[collection === "replies" ? "reply" : "helped"];
    values.title = (thread && (await nameOf("thread", thread[1]))) || (thread ? thread[1] : "");
    const helped = /\/helped\/\d{4}-\d\d-\d\dT\d\d-\d\d-([a-z0-9-]+?)--/.exec(file.path || "");
    if (helped) values.author = (await nameOf("person", helped[1])) || helped[1];
  } else if (collection === "threads") {
    template = data.kind === "discussion" ? words.discussion : words.thread;
    values.title = data.title;
  } else if (collection === "updates") {
    template = words.update;
  } else if (collection === "kudos") {
    template = words.kudos;
    values.to = data.to ? ((await nameOf("person", data.to)) || data.to)
                        : ((await nameOf("team", data.to_team)) || data.to_team || "");
  } else if (collection === "profiles") {
    template = words.profile;
    values.title = data.name;
  } else if (collection === "news") {
    template = words.news;
    values.title = data.title;
  } else if (collection === "teams") {
    template = words.team;
    values.title = data.name;
  } else {
    return null;
  }
  let text = fill(template, values);
  if (collection === "profiles" && data.name !== name) text = fill(words.by, { message: text, name });
  return newEntry ? text : fill(words.changed, { message: text });
}

export function writeCommitMessages(CMS, lang, who, parse) {
  const words = WORDS[lang] || WORDS.en;
  for (const name of BACKENDS) {
    const registered = CMS.getBackend(name);
    if (!registered) continue;
    const init = registered.init;
    registered.init = (...args) => {
      const backend = init(...args);
      const persist = backend.persistEntry.bind(backend);
      backend.persistEntry = async (entry, opts) => {
        try {
          const file = entry.dataFiles[0];
          let data = {};
          try { data = parse(file.raw) || {}; } catch (e) { data = {}; }
          const text = await message(opts.collectionName, opts.newEntry, file, data, await who(), words);
          if (text) opts = { ...opts, commitMessage: text };
        } catch (e) {
          // Decap's own message (config.yml's template) stays
        }
        return persist(entry, opts);
      };
      return backend;
    };
  }
}
