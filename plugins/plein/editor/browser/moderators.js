/* What only moderators use (hiding an item, and why: model/fields.py HIDDEN) is shown to
   moderators only (issue 26). Decap cannot tell a moderator from anyone else: the forge's group
   decides that (the option `moderators` in mkdocs.yml, as CODEOWNERS names it). So the editor
   asks the forge, with the login the person made in Decap, whether they are in that group:

   - GitLab: GET /groups/<group>/members/all/<user id>, a member at any level;
   - GitHub: GET /orgs/<org>/teams/<team>/memberships/<login>, an active one.

   Anything else (no login with a token, as under plein serve; the forge unreachable or saying
   no; a token without the right to ask) counts as no moderator: the fields stay out of sight.
   This only decides what the form shows; the publishing policy decides what a change does,
   whatever the page did: hiding someone else's item, or showing again what a moderator hid,
   goes to a moderator (policy/rules.py). The forge's address and the group come from the site (policy.json), never from the page. */

let answer;

export function isModerator(getJSON) {
  if (answer === undefined) answer = ask(getJSON).catch(() => false);
  return answer;
}

async function ask(getJSON) {
  const policy = (await getJSON("policy.json")) || {};
  const who = policy.moderators;
  let user = null;
  try { user = JSON.parse(localStorage.getItem("decap-cms-user") || "null"); } catch (e) { user = null; }
  if (!who || !user || typeof user.token !== "string" || !user.token) return false;
  const headers = { Authorization: `Bearer ${user.token}` };
  if (who.forge === "gitlab" && Number.isInteger(user.id)) {
    const url = `${who.api}/groups/${encodeURIComponent(who.group)}/members/all/${user.id}`;
    const response = await fetch(url, { headers, credentials: "omit" });
    if (!response.ok) return false;
    const member = await response.json();
    return member.id === user.id && Number(member.access_level) > 0;
  }
  if (who.forge === "github" && typeof user.login === "string" && user.login) {
    const url = `${who.api}/orgs/${encodeURIComponent(who.org)}/teams/${encodeURIComponent(who.team)}` +
      `/memberships/${encodeURIComponent(user.login)}`;
    const response = await fetch(url, { headers, credentials: "omit" });
    if (!response.ok) return false;
    return (await response.json()).state === "active";
  }
  return false;
}

/* The widget of a moderator's field (config.py names it, with the usual widget in 'as'): the
   field's whole row stays hidden, label and help too, unless the forge says this is a
   moderator. Its value is never touched for anyone else, so the file keeps it as it was. */
export function moderatedField(h, createClass, CMS, getJSON) {
  return createClass({
    getInitialState() { return { moderator: false }; },
    componentDidMount() {
      this.row = this.el && this.el.closest('[class*="ControlContainer"]');
      if (this.row) this.row.hidden = true;
      isModerator(getJSON).then((yes) => {
        if (!yes) return;
        if (this.row) this.row.hidden = false;
        this.setState({ moderator: true });
      });
    },
    render() {
      const ref = (el) => { if (el) this.el = el; };
      const widget = this.state.moderator && CMS.getWidget(this.props.field.get("as"));
      return h("div", { ref, "data-plein-moderators-only": "" }, widget ? h(widget.control, this.props) : null);
    },
  });
}
