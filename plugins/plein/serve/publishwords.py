"""What `plein serve` says about each cms/… branch it decides (publish.py), in the site's language;
the policy's own reasons come in its words (policy.words)."""

WORDS = {
    "en": {
        "merged": "{ref}: merged into {branch} ({reasons}); the site shows it in a moment",
        "moved_ref": "{ref}: merged into {branch} ({reasons}); {branch} is not checked out, so the site "
                     "shows it once you check it out",
        "review": "{ref}: A moderator looks at this first, because: {reasons}. The branch stays; "
                  "merge it yourself when it is right",
        "refuse": "{ref}: This change cannot be published, because: {reasons}. The branch stays",
        "no_email": "{ref}: not merged: git config user.email is not set, so who made it is unknown; "
                    "the branch stays. Fix: git config user.email <your e-mail in your profile>",
        "no_profile": "{ref}: not merged: no profile on {branch} has the e-mail {email} (git config "
                      "user.email), so who made it is unknown; the branch stays",
        "two_profiles": "{ref}: not merged: more than one profile on {branch} has the e-mail {email}; "
                        "the branch stays",
        "no_username": "{ref}: not merged: {path} has no forge_username, and only a person with one "
                       "publishes directly; the branch stays",
        "dirty": "{ref}: not merged yet: you have changes of your own in {files} that are not committed; "
                 "it is merged once you commit or discard them",
        "busy": "{ref}: not merged yet: {branch} is being rebased (in {where}); it is merged once that is done",
        "conflict": "{ref}: not merged: it conflicts with {branch} in {files}; the branch stays",
        "moved": "{ref}: not merged yet: {branch} moved meanwhile; it is checked again",
        "git": "{ref}: not merged: {what}; the branch stays",
        "unchecked": "{ref}: not checked: {what}; the branch stays",
        "more": "{n} more",
    },
    "nl": {
        "merged": "{ref}: samengevoegd in {branch} ({reasons}); het staat zo op de site",
        "moved_ref": "{ref}: samengevoegd in {branch} ({reasons}); {branch} is niet uitgecheckt, dus de site "
                     "toont het zodra je die uitcheckt",
        "review": "{ref}: Dit gaat eerst langs een moderator, omdat: {reasons}. De branch blijft staan; "
                  "voeg hem zelf samen als het goed is",
        "refuse": "{ref}: Deze wijziging kan niet gepubliceerd worden, omdat: {reasons}. De branch blijft staan",
        "no_email": "{ref}: niet samengevoegd: git config user.email is niet ingesteld, dus wie dit maakte "
                    "is onbekend; de branch blijft staan. Oplossing: git config user.email <je e-mailadres "
                    "uit je profiel>",
        "no_profile": "{ref}: niet samengevoegd: geen profiel op {branch} heeft het e-mailadres {email} "
                      "(git config user.email), dus wie dit maakte is onbekend; de branch blijft staan",
        "two_profiles": "{ref}: niet samengevoegd: meer dan één profiel op {branch} heeft het e-mailadres "
                        "{email}; de branch blijft staan",
        "no_username": "{ref}: niet samengevoegd: {path} heeft geen forge_username, en alleen wie die heeft "
                       "publiceert direct; de branch blijft staan",
        "dirty": "{ref}: nog niet samengevoegd: je hebt eigen wijzigingen in {files} die niet zijn vastgelegd; "
                 "het wordt samengevoegd zodra je ze vastlegt of weggooit",
        "busy": "{ref}: nog niet samengevoegd: {branch} is halverwege een rebase (in {where}); het wordt "
                "samengevoegd zodra die klaar is",
        "conflict": "{ref}: niet samengevoegd: het botst met {branch} in {files}; de branch blijft staan",
        "moved": "{ref}: nog niet samengevoegd: {branch} veranderde intussen; het wordt opnieuw bekeken",
        "git": "{ref}: niet samengevoegd: {what}; de branch blijft staan",
        "unchecked": "{ref}: niet beoordeeld: {what}; de branch blijft staan",
        "more": "nog {n}",
    },
}
