"""Does the target branch with this change applied still validate? Only the problems the
change brings count: a target that was already broken is not the change's fault.

The target's parsed files with the change's files put in (or taken out) are assembled and
checked across files by the model's own validator (model.validate.check), as `plein validate`
would after the merge; photos are checked for existence here (their bytes by the rules)."""
from __future__ import annotations

from ..model.load import assemble
from ..model.parse import is_photo
from ..model.problems import Problems
from ..model.validate import check
from . import paths


def new_problems(files, parsed_new: dict, target) -> tuple[dict, list]:
    """({path of a changed file: its first new error}, [new errors in files the change did not
    touch, such as replies left without their thread])."""
    parsed = dict(target.parsed)
    photos = set(target.photos)
    touched = set()
    for f in files:
        if f.outside:
            continue
        touched.add(f.path)
        if f.status == "deleted":
            parsed.pop(f.path, None)
            photos.discard(f.path)
        elif is_photo(f.path):
            photos.add(f.path)
        elif f.path in parsed_new:
            parsed[f.path] = parsed_new[f.path]
    org, problems = assemble(None, list(parsed.values()), photos_of=())
    check(org, problems)  # as for the target: a cycle is reported at the same file in both
    _photos_exist(org, photos, problems)
    before = {(p.path, p.message) for p in target.problems}
    found, elsewhere = {}, []
    for p in problems.errors:
        if (p.path, p.message) in before:
            continue
        if p.path in touched:
            found.setdefault(p.path, p)
        elif paths.problem(p.path) is None:
            elsewhere.append(p)
    return found, sorted(set(elsewhere))


def _photos_exist(org, photos: set, problems: Problems) -> None:
    for person in org.people.values():
        if person.photo and person.photo not in photos:
            problems.add(person.source.path, person.source.at("photo"),
                         f"photo '{person.photo}' does not exist",
                         "put the image beside the profile or remove the 'photo' line")


def target_problems(org, parsed: dict, photos: set) -> Problems:
    """The target's own problems, counted the same way (TargetState keeps them)."""
    problems = Problems()
    for result in parsed.values():
        problems.extend(result.problems)
    check(org, problems)
    _photos_exist(org, photos, problems)
    return problems
