"""`plein digest`: one e-mail per person per period with what is new for them (compose), and a
short "can you help?" e-mail to the people who know a new question's topics (experts).
What is new comes from the model and the one pass over Git history (since); mails are made
in Dutch or English, HTML with inlined CSS and plain text (mail), and sent at most once per
person and period, kept in a send log (sendlog), over SMTP or into .eml files (send).
May import the model, git, the site's addresses and words, search (who-knows) and contrib
(settings)."""
