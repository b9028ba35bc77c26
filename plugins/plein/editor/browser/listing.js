/* Decap's form lists its whole collection each time it opens (Editor.js, componentDidMount
   calls loadEntries), reading every file through the backend. At 15,000 profiles that is a
   22 MB answer from decap-server, a page of API requests per form on GitLab and one request
   per profile on GitHub, and the form uses none of it. So while a form is open, a folder
   listing answers with no entries. Decap's own list (#/collections/<name>) still lists them
   all: coming back to it from a form reloads the page, because Decap keeps the empty answer. */
const FORM = /^#\/collections\/([^/?]+)\/(entries\/|new)/;
const LIST = /^#\/collections\/([^/?]+)\/?(\?.*)?$/;
const BACKENDS = ["proxy", "gitlab", "github", "gitea", "bitbucket", "azure", "git-gateway", "test-repo"];

export function listOnlyInLists(CMS) {
  const emptied = new Set();
  for (const name of BACKENDS) {
    const registered = CMS.getBackend(name);
    if (!registered) continue;
    const init = registered.init;
    registered.init = (...args) => {
      const backend = init(...args);
      const list = backend.entriesByFolder.bind(backend);
      backend.entriesByFolder = (...params) => {
        const form = FORM.exec(window.location.hash);
        if (!form) return list(...params);
        emptied.add(form[1]);
        return Promise.resolve([]);
      };
      return backend;
    };
  }
  window.addEventListener("hashchange", () => {
    const list = LIST.exec(window.location.hash);
    if (list && emptied.has(list[1])) window.location.reload();
  });
}
