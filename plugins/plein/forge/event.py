"""The MR number from a webhook's payload, and nothing else from it.

Anyone who holds GitLab's trigger token can send any payload, and on GitHub the event is made
from what the PR's author wrote. So the job reads one integer here and asks the forge's API for
the rest (author, head, target, state)."""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import FatalError
from .base import checked_number

LIMIT = 5 * 1024 * 1024  # GitLab's webhooks stay below this; a bigger file is not an event of ours


def number_from_event(path: str | Path, forge: str) -> int | None:
    """The number in a GitLab merge request hook (`object_attributes.iid`, from the file
    variable TRIGGER_PAYLOAD) or a GitHub pull_request(_target) event (`pull_request.number`,
    from GITHUB_EVENT_PATH). None when the event is about something else."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            raw = fh.read(LIMIT + 1)
    except OSError as err:
        raise FatalError(f"{path}: cannot read the event ({err.strerror}); nothing was done") from None
    if len(raw) > LIMIT:
        raise FatalError(f"{path}: the event is larger than 5 MB; nothing was done")
    try:
        event = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise FatalError(f"{path}: the event is not JSON; nothing was done") from None
    if not isinstance(event, dict):
        raise FatalError(f"{path}: the event is not a JSON object; nothing was done")
    if forge == "gitlab":
        if event.get("object_kind") != "merge_request":
            return None
        attributes = event.get("object_attributes")
        value = attributes.get("iid") if isinstance(attributes, dict) else None
        return checked_number(value, "object_attributes.iid in the trigger payload")
    pull = event.get("pull_request")
    if not isinstance(pull, dict):
        return None
    return checked_number(pull.get("number"), "pull_request.number in the event")
