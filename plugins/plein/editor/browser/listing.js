/* Decap's form lists its whole collection each time it opens (Editor.js, componentDidMount
   calls loadEntries), reading every file through the backend. At 15,000 profiles that is a
   22 MB answer from decap-server, a page of API requests per form on GitLab and one request
   per profile on GitHub, and the form uses none of it. So while a form is open, a folder
   listing answers with no entries. Decap's own list (#/collections/<name>) still lists them
   all: coming back to it from a form reloads the page, because Decap keeps the empty answer.
   For the same reason the editor opened without a route lands on the person's own profile
   (landing() gives its route) instead of Decap's first list, the list of everyone. */
const FORM = /^#\/collections\/([^/?]+)\/(entries\/|new)/;
const ENTRY = /^#\/collections\/[^/?]+\/entries\/[^?]+/;
const LIST = /^#\/collections\/([^/?]+)\/?(\?.*)?$/;
const BACKENDS = ["proxy", "gitlab", "github", "gitea", "bitbucket", "azure", "git-gateway", "test-repo"];

export function listOnlyInLists(CMS, landing) {
  const emptied = new Set();
  let landed = /^#?\/?$/.test(window.location.hash);
  const skip = async () => {
    const form = FORM.exec(window.location.hash);
    if (form) return form[1];
    if (!landed) return null;
    landed = false;
    const route = await landing();
    const list = LIST.exec(window.location.hash);
    if (!route || !list) return null;
    window.location.hash = route;
    return list[1];
  };
  for (const name of BACKENDS) {
    const registered = CMS.getBackend(name);
    if (!registered) continue;
    const init = registered.init;
    registered.init = (...args) => {
      const backend = init(...args);
      const list = backend.entriesByFolder.bind(backend);
      backend.entriesByFolder = async (...params) => {
        const skipped = await skip();
        if (!skipped) return list(...params);
        emptied.add(skipped);
        return [];
      };
      return backend;
    };
  }
  let shown = window.location.hash;
  window.addEventListener("hashchange", () => {
    const was = shown;
    shown = window.location.hash;
    const list = LIST.exec(shown);
    const from = ENTRY.exec(was), to = ENTRY.exec(shown);
    // Decap also keeps the form it shows when the address names another entry (typed, or a
    // link from the site opened in the same tab); a reload shows the entry asked for
    if ((list && emptied.has(list[1])) || (from && to && from[0] !== to[0])) window.location.reload();
  });
}
