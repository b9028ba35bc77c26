/* Decap in the site's language, all of it. Decap 3 ships a Dutch locale (decap-cms-locales, nl),
   which config.yml selects with `locale: nl`, but some 50 of its phrases are missing and fall
   back to English: names that screen readers hear ("Expand", "Account options dropdown",
   "string field"), "Set Datum to now", the media library's "Close". These fill them in, and put
   Decap's words for its workflow ("Status", "Workflow", "Redactionele Workflow") in the words
   of the intranet: a save waits to be looked at, or is on its way to the intranet.
   CMS.registerLocale replaces a language's phrases, so they are merged into Decap's own. */

const NL = {
  auth: { loginWithForgejo: "Inloggen met Forgejo" },
  app: { header: { workflow: "In behandeling", quickAdd: "Nieuw" } },
  collection: {
    collectionTop: { viewAsList: "Als lijst tonen", viewAsGrid: "Als raster tonen" },
    entries: { unpublishedHeader: "Nog niet op het intranet" },
  },
  editor: {
    editorControl: { field: { widgetLabel: "Invoerveld" } },
    editorControlPane: {
      widget: {
        invalidPath: "'%{path}' is geen geldige plek voor een bestand",
        pathExists: "'%{path}' bestaat al",
      },
      i18n: {
        copyFromLocale: "Overnemen uit een andere taal",
        copyFromLocaleConfirm: "De tekst overnemen uit %{locale}?\nWat er nu staat, wordt overschreven.",
      },
    },
    editorInterface: { toggleNotes: "Notities tonen of verbergen" },
    editorNotesPane: {
      title: "Notities", emptyState: "Nog geen notities.", addNote: "Notitie toevoegen",
      addPlaceholder: "Schrijf een notitie…", editPlaceholder: "Pas je notitie aan…", save: "Opslaan",
      cancel: "Annuleren", edit: "Aanpassen", delete: "Verwijderen", resolve: "Afgehandeld",
      unresolve: "Weer open", confirmDelete: "Deze notitie verwijderen?",
      shortcut: "Tip: Ctrl+Enter voegt de notitie toe",
    },
    editorToolbar: {
      status: "Voortgang: %{status}",
      draft: "Opgeslagen",
      inReview: "Wordt bekeken",
      ready: "Goedgekeurd",
      statusInfoTooltipDraft: "Opgeslagen, nog niet ingediend.",
      statusInfoTooltipInReview: "Een moderator bekijkt dit. Je kunt het intussen nog aanpassen.",
      deployPreviewPendingButtonLabel: "Kijken of het voorbeeld klaar is",
      deployPreviewButtonLabel: "Voorbeeld bekijken",
      deployButtonLabel: "Op het intranet bekijken",
    },
    editorWidgets: {
      markdown: {
        strikethrough: "Doorhalen",
        toggleMode: { rich: "Naar opgemaakte tekst", markdown: "Naar Markdown" },
      },
      image: {
        chooseMultiple: "Kies afbeeldingen", addMore: "Meer afbeeldingen toevoegen",
        removeAll: "Alle afbeeldingen verwijderen",
      },
      file: {
        chooseMultiple: "Kies bestanden", addMore: "Meer bestanden toevoegen",
        removeAll: "Alle bestanden verwijderen",
      },
      datetime: { setToNow: "%{fieldLabel} op nu zetten" },
      list: { addType: "%{item} toevoegen" },
      object: { expand: "Uitklappen", collapse: "Inklappen" },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: "Sluiten" } },
  ui: {
    settingsDropdown: { account: "Accountmenu" },
    toast: {
      noteAdded: "Notitie toegevoegd", onFailToAddNote: "Notitie niet toegevoegd: %{details}",
      noteUpdated: "Notitie aangepast", onFailToUpdateNote: "Notitie niet aangepast: %{details}",
      noteDeleted: "Notitie verwijderd", onFailToDeleteNote: "Notitie niet verwijderd: %{details}",
      noteResolved: "Notitie afgehandeld", noteReopened: "Notitie weer open",
      onFailToToggleNote: "Notitie niet aangepast: %{details}",
    },
  },
  workflow: {
    workflow: {
      workflowHeading: "Wijzigingen in behandeling",
      loading: "Wijzigingen in behandeling laden",
      newPost: "Nieuw",
      description: "%{smart_count} wijziging wacht, %{readyCount} goedgekeurd. |||| "
                 + "%{smart_count} wijzigingen wachten, %{readyCount} goedgekeurd.",
    },
    workflowList: {
      draftHeader: "Opgeslagen",
      inReviewHeader: "Wordt bekeken",
      readyHeader: "Goedgekeurd",
      currentEntries: "%{smart_count} wijziging |||| %{smart_count} wijzigingen",
    },
  },
};

const EN = {
  editor: {
    editorControl: { field: { widgetLabel: "Form field" } },
    editorToolbar: { status: "Progress: %{status}", draft: "Saved", inReview: "Being looked at", ready: "Approved" },
  },
  app: { header: { workflow: "In progress" } },
  workflow: {
    workflow: { workflowHeading: "Changes in progress" },
    workflowList: { draftHeader: "Saved", inReviewHeader: "Being looked at", readyHeader: "Approved" },
  },
};

function merge(into, from) {
  const out = { ...(into || {}) };
  for (const [key, value] of Object.entries(from)) {
    out[key] = value && typeof value === "object" ? merge(out[key], value) : value;
  }
  return out;
}

export function speakTheSitesLanguage(CMS, lang) {
  const words = { nl: NL, en: EN }[lang];
  if (!words) return;
  CMS.registerLocale(lang, merge(CMS.getLocale(lang), words));
}
