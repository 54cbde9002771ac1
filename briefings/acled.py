"""ACLED's event taxonomy, so that events recorded here can flow into ACLED datasets and back."""

from __future__ import annotations

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}


def _key(text: str) -> str:
    return " ".join(text.lower().replace("/", " / ").split())


_TYPES_BY_KEY = {_key(name): name for name in EVENT_TYPES}
_SUBTYPES_BY_KEY: dict[str, list[tuple[str, str]]] = {}
for _type, _subtypes in EVENT_TYPES.items():
    for _sub in _subtypes:
        _SUBTYPES_BY_KEY.setdefault(_key(_sub), []).append((_type, _sub))


def find_event_type(text: str) -> str | None:
    """The canonical ACLED event type named by `text` (case and spacing forgiven)."""
    return _TYPES_BY_KEY.get(_key(text))


def find_sub_event_type(text: str, event_type: str | None = None) -> tuple[str, str] | None:
    """(event type, sub-event type) named by `text`, within `event_type` when one is given.

    "Attack" exists only under Violence against civilians and "Other" only under Strategic
    developments, so a sub-type alone always identifies its type.
    """
    for found_type, sub in _SUBTYPES_BY_KEY.get(_key(text), []):
        if event_type is None or found_type == event_type:
            return found_type, sub
    return None
