"""The Insights page's figures: participation, answers, profiles, topics and teams, computed
from the model and the one Git pass, as plain values (JSON, CSV) and static SVG charts.

May import plein.model and plein.git (for their records only); never site or anything above."""
