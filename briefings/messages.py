"""Every short sentence sitrep says, in one place.

Each entry is a one-line Jinja2 template rendered with autoescaping, so values typed by users are
always escaped and the result is Telegram HTML. Longer texts (help, event cards, briefings) are
the `.html.j2` files under `templates/`.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, Template
from markupsafe import Markup

MESSAGES: dict[str, str] = {
    # -- form validation (field name is shown beside each) --
    "form.required": "is required.",
    "form.unknown_field": "is not a field I know. Fields: {{ known | join(', ') }}.",
    "form.not_a_field": "“{{ line | truncate(60) }}” is not a <code>field: value</code> line.",
    "form.repeated_field": "is given more than once.",
    "form.bad_date": "“{{ value | truncate(40) }}” is not a date; write it as YYYY-MM-DD, "
    "e.g. 2015-01-21.",
    "form.future_date": "{{ value }} is in the future (today is {{ today }}).",
    "form.ancient_date": "{{ value }} is too long ago for this log.",
    "form.unknown_region": "“{{ value | truncate(40) }}” is not a governorate or town I know."
    "{% if suggestions %} Did you mean {{ suggestions | join(', ') }}?{% endif %}"
    " /regions lists them all.",
    "form.read_as": "{{ field }}: read “{{ value | truncate(40) }}” as {{ name }}.",
    "form.new_actor": "actors: “{{ name }}” is not in the gazetteer; recorded as written.",
    "form.too_long": "is too long (at most {{ limit }} characters).",
    "form.too_many": "has too many entries (at most {{ limit }}).",
    "form.unknown_type": "“{{ value | truncate(40) }}” is not an ACLED event type. "
    "Types: {{ types | join(', ') }}.",
    "form.unknown_subtype": "“{{ value | truncate(40) }}” is not an ACLED sub-event type.",
    "form.subtype_mismatch": "{{ subtype }} is not a sub-event type of {{ event_type }}.",
    "form.bad_fatalities": "“{{ value | truncate(20) }}” is not a whole number of people.",
    "form.too_many_fatalities": "is implausibly high (at most {{ limit }}).",
    "form.summary_too_long": "has {{ length }} characters; keep it to {{ limit }} "
    "(one or two sentences).",
    "form.more_problems": "and {{ count }} more problem{{ 's' if count != 1 }} not listed; "
    "fix these first.",
    "form.town_elsewhere": "{{ town }} is in {{ region }}, not {{ given }}.",
    # -- readers --
    "reader.unknown_region": "I don't know a governorate or town called "
    "“{{ name | truncate(60) }}”.{% if suggestions %} Did you mean one of these?"
    "{% else %} /regions lists them all.{% endif %}",
    "reader.unknown_actor": "I don't know an actor called “{{ name | truncate(60) }}”."
    "{% if suggestions %} Did you mean one of these?{% else %} /actors lists them all."
    "{% endif %}",
    "reader.no_events_region": "No events recorded in <b>{{ region }}</b> yet.",
    "reader.no_events_actor": "No events recorded involving <b>{{ actor }}</b> yet.",
    "reader.no_events": "The log is empty: no events recorded yet.",
    "reader.choose_region": "Which governorate? Pick one, or type <code>/region NAME</code>.",
    "reader.choose_actor": "Which actor? Pick one, or type <code>/actor NAME</code>.",
    "reader.page_gone": "That list is no longer available; ask again.",
    "reader.region_title": "Events in {{ region }}"
    "{% if town %}, the governorate of {{ town }}{% endif %}",
    "reader.actor_title": "Events involving {{ actor }}",
    "reader.latest_title": "Latest events",
    "reader.unknown_command": "I don't know that command. /help lists what I can do.",
    "reader.plain_text": "I answer commands. /help lists them.",
    "reader.regions_title": "Governorates in the log",
    "reader.regions_quiet": "No events yet",
    "reader.regions_hint": "Ask /region NAME for a governorate's events.",
    "reader.actors_title": "Actors in the log",
    "reader.actors_quiet": "No events yet",
    "reader.actors_hint": "Ask /actor NAME for an actor's events.",
    "button.prev": "‹ Prev",
    "button.next": "Next ›",
    # -- subscribers --
    "sub.bad_time": "“{{ value | truncate(20) }}” is not a time. Write it as HH:MM on a 24-hour "
    "clock, e.g. <code>/subscribe 06:30</code>.",
    "sub.subscribed": "Subscribed. This chat will get the daily briefing {{ days }} at "
    "<b>{{ time }}</b> ({{ tz }}), starting {{ first }}. Send /unsubscribe to stop.",
    "sub.moved": "Your daily briefing moves from {{ old }} ({{ old_tz }}) to <b>{{ time }}</b> "
    "({{ tz }}), {{ days }}, starting {{ first }}.",
    "sub.updated": "Updated. The daily briefing comes {{ days }} at <b>{{ time }}</b> "
    "({{ tz }}), next {{ first }}.",
    "sub.already": "This chat already gets the daily briefing at <b>{{ time }}</b> ({{ tz }}), "
    "{{ days }}. Send <code>/subscribe HH:MM</code> to change the time or /unsubscribe to stop.",
    "sub.not_changed": "Nothing was changed. Please fix:",
    "sub.group_admins_only": "Only this group's admins can change its subscription.",
    "sub.channel_unknown": "I can't find the channel {{ channel }}. Check the name, and add me "
    "to it as an admin.",
    "sub.not_a_channel": "{{ channel }} is not a channel.",
    "sub.bad_channel": "“{{ value | truncate(40) }}” is not a channel name: those are @ and 5 to "
    "32 letters, digits or underscores.",
    "sub.bot_not_channel_admin": "I am not an admin of {{ channel }}, so I can't post there. "
    "Add me as an admin, then try again.",
    "sub.not_channel_admin": "Only an admin of {{ channel }} can change its subscription.",
    "prefs.unknown_word": "“{{ word | truncate(30) }}” is neither a time (HH:MM), a time zone "
    "(e.g. Asia/Baghdad) nor a setting like <code>region=Anbar</code>.",
    "prefs.unknown_setting": "“{{ key | truncate(20) }}” is not a setting. Settings: time, tz, "
    "days, region, actor, type, quiet, lang.",
    "prefs.unknown_name": "no {{ kind }} called “{{ value | truncate(30) }}”."
    "{% if suggestions %} Did you mean {{ suggestions | join(', ') }}?{% endif %}",
    "prefs.unknown_type": "“{{ value | truncate(30) }}” is not an ACLED event type.",
    "prefs.bad_days": "“{{ value | truncate(30) }}” is not a set of days: use e.g. weekdays, "
    "mon-fri or mon,wed,fri.",
    "prefs.bad_quiet": "“{{ value | truncate(30) }}” is not a quiet period: use e.g. "
    "<code>quiet=22:00-07:00</code>, or quiet=off.",
    "prefs.bad_lang": "“{{ value | truncate(10) }}” is not a language I write dates in: "
    "{{ langs | join(', ') }}.",
    "prefs.bad_zone": "“{{ value | truncate(40) }}” is not a time zone; use an IANA name such "
    "as Asia/Baghdad.",
    "prefs.every_day": "every day",
    "prefs.on_weekdays": "on weekdays",
    "prefs.at_weekends": "at weekends",
    "prefs.on_days": "on {{ days | join(', ') }}",
    # -- /settings menu buttons --
    "settings.time": "⏰ Time",
    "settings.zone": "🌍 Time zone",
    "settings.days": "📅 Days",
    "settings.regions": "📍 Regions",
    "settings.actors": "👥 Actors",
    "settings.types": "🏷 Event types",
    "settings.quiet": "🌙 Quiet hours",
    "settings.lang": "🔤 Date language",
    "settings.start": "▶ Subscribe",
    "settings.stop": "⏹ Unsubscribe",
    "settings.done": "✔ Done",
    "settings.back": "‹ Back",
    "settings.all": "All",
    "settings.off": "Off",
    "settings.every_day": "Every day",
    "settings.weekdays": "Weekdays",
    # -- alerts --
    "alerts.usage": "Add an alert as <code>/alerts region NAME</code>, <code>/alerts actor "
    "NAME</code> or <code>/alerts fatalities N</code>.",
    "alerts.unknown": "There is no {{ kind }} called “{{ value | truncate(30) }}”."
    "{% if suggestions %} Did you mean {{ suggestions | join(', ') }}?{% endif %}",
    "alerts.added": "Alert added: {{ rule.kind }} {{ '≥ ' if rule.kind == 'fatalities' }}"
    "{{ rule.value }}.",
    "alerts.too_many": "This chat already has {{ limit }} alert rules; remove one first.",
    "alerts.remove_button": "Remove: {{ rule.kind }} {{ '≥ ' if rule.kind == 'fatalities' }}"
    "{{ rule.value }}",
    "sub.unsubscribed": "Unsubscribed. No more daily briefings will be sent to this chat. "
    "Send /subscribe to start again.",
    "sub.not_subscribed": "This chat is not subscribed, so there is nothing to stop. "
    "Send /subscribe to get the daily briefing.",
    "sub.today": "today",
    "sub.tomorrow": "tomorrow",
    # -- admins --
    "admin.only": "Sorry, only sitrep admins can {{ action }}. Everyone can read: /help.",
    "admin.write_privately": "I can't tell which admin you are when you write anonymously or "
    "as a channel. To {{ action }}, send the command to me in a private chat.",
    "admin.saved": "Saved event <code>{{ id }}</code>.",
    "admin.updated": "Updated event <code>{{ id }}</code>.",
    "admin.deleted": "Deleted event <code>{{ id }}</code> ({{ date }}, {{ place }}).",
    "admin.no_such_event": "There is no event with id <code>{{ id | truncate(20) }}</code>. "
    "Ids are shown under each event in /latest.",
    "admin.delevent_usage": "Give the id of the event to delete: <code>/delevent ID</code>.",
    "admin.editevent_usage": "Give the id of the event to change, then the lines to change: "
    "<code>/editevent ID</code> and e.g. <code>fatalities: 12</code> on the next line.",
    "admin.edit_nothing": "Nothing to change: add <code>field: value</code> lines after "
    "<code>/editevent {{ id }}</code>. Its current form:",
    "admin.not_saved": "Nothing was saved. Please fix:",
    "admin.not_updated": "Nothing was changed. Please fix:",
    "admin.step_region": "Step {{ n }}/{{ total }}. <b>Region?</b> A governorate or a town, "
    "e.g. Anbar or Ramadi. (/cancel to stop)",
    "admin.step_location": "Step {{ n }}/{{ total }}. <b>Location?</b> Town or place, "
    "or /skip.",
    "admin.step_actors": "Step {{ n }}/{{ total }}. <b>Actors?</b> Separated by commas, "
    "e.g. Islamic State, Iraqi Army.",
    "admin.step_type": "Step {{ n }}/{{ total }}. <b>Event type?</b> An ACLED type or "
    "sub-type, e.g. Battles or Air/drone strike, or /skip.",
    "admin.step_subtype": "Step {{ n }}/{{ total }}. <b>Sub-event type?</b> e.g. Armed clash, "
    "or /skip.",
    "admin.step_fatalities": "Step {{ n }}/{{ total }}. <b>Fatalities?</b> A whole number, "
    "or /skip if not reported.",
    "admin.step_source": "Step {{ n }}/{{ total }}. <b>Source?</b> e.g. Reuters, or /skip.",
    "admin.step_date": "Step {{ n }}/{{ total }}. <b>Date?</b> YYYY-MM-DD, or /skip for "
    "today ({{ today }}).",
    "admin.step_summary": "Step {{ n }}/{{ total }}. <b>Summary?</b> One or two sentences, "
    "at most 600 characters.",
    "admin.step_invalid": "{{ field }} {{ problem }} Try again, or /cancel.",
    "admin.cannot_skip": "{{ field }} is required and cannot be skipped.",
    "admin.cancelled": "Cancelled. Nothing was saved.",
    "admin.nothing_to_cancel": "There is nothing to cancel.",
    "admin.form_open": "The /addevent form is still open, so /{{ command }} did nothing. "
    "Answer the question above, /skip it, or /cancel the form, then send /{{ command }} again.",
    # -- ingest (admins) --
    "ingest.usage": "Paste the article after <code>/ingest</code> in the same message, forward "
    "it to me, or send a .txt file with the caption <code>/ingest</code>.",
    "ingest.nothing": "I found no events in that text: no sentence names a place, an actor and "
    "an action together. Nothing was stored.",
    "ingest.found": "I found {{ count }} proposed event{{ 's' if count != 1 }} above. Nothing is "
    "stored until you save: use the buttons on each, or save them all here."
    "{% if capped %} Only the first {{ count }} are shown.{% endif %}",
    "ingest.saved": "Saved as event <code>{{ id }}</code>.",
    "ingest.discarded": "Discarded; nothing stored.",
    "ingest.editing": "Opened in the form below; sending the form saves it.",
    "ingest.not_valid": "This proposal cannot be saved as it is. Press Edit to fix it:",
    "ingest.expired": "This proposal is no longer pending. Send the article again with /ingest.",
    "ingest.edit_intro": "Copy this form, change what is wrong, and send it:",
    "ingest.all_saved": "Saved {{ saved }} event{{ 's' if saved != 1 }}"
    "{% if ids %}: {{ ids | join(', ') }}{% endif %}."
    "{% if invalid %} {{ invalid }} could not be saved as they are: use Edit on them.{% endif %}",
    "ingest.bad_document": "Send the article as a plain-text .txt file (UTF-8) of at most "
    "{{ limit }} KB.",
    "ingest.too_long": "That article has {{ length }} characters; I read at most {{ limit }} at "
    "a time. Send it in parts.",
    "button.save": "Save",
    "button.edit": "Edit",
    "button.discard": "Discard",
    "button.save_all": "Save all",
    # -- import and export (admins) --
    "import.usage": "Send the ACLED file as a .csv document (UTF-8, at most {{ limit }} MB) with "
    "the caption <code>/import</code>.",
    "import.bad_document": "Send the ACLED data as a .csv file (UTF-8) of at most {{ limit }} MB, "
    "captioned <code>/import</code>.",
    "import.not_utf8": "That file is not UTF-8 text. Save it as “CSV UTF-8” and send it again.",
    "import.busy": "Another import is still running. Send this file again when it has finished.",
    "import.started": "Importing {{ name | truncate(60) }}…",
    "import.progress": "Importing {{ name | truncate(60) }}… {{ rows }} rows read",
    "import.summary": "<b>{{ name | truncate(60) }}</b>: {{ rows }} rows; {{ added }} added, "
    "{{ updated }} updated, {{ unchanged }} unchanged, {{ refused }} refused.",
    "import.problems_title": "Rows not imported:",
    "import.problem": "line {{ line }}: {{ reason | truncate(160) }}",
    "import.more_problems": "…and {{ count }} more.",
    "import.new_regions": "New regions kept as written: "
    "{{ regions | map('truncate', 40) | join(', ') }}{% if more %} and {{ more }} more{% endif %}.",
    "export.usage": "Use <code>/export</code>, optionally with <code>region=NAME</code>, "
    "<code>actor=NAME</code> and <code>format=csv</code> or <code>format=json</code>, e.g. "
    "<code>/export region=Anbar actor=Islamic State</code>.",
    "export.unknown_region": "I don't know a governorate or town called "
    "“{{ name | truncate(60) }}”.{% if suggestions %} Did you mean "
    "{{ suggestions | join(', ') }}?{% endif %} /regions lists them all. Nothing was exported.",
    "export.unknown_actor": "I don't know an actor called “{{ name | truncate(60) }}”."
    "{% if suggestions %} Did you mean {{ suggestions | join(', ') }}?{% endif %}"
    " /actors lists them all. Nothing was exported.",
    "export.nothing": "No events{% if region %} in {{ region | truncate(100) }}{% endif %}"
    "{% if actor %} involving {{ actor | truncate(100) }}{% endif %} in the log: nothing to "
    "export.",
    "export.caption": "{{ shown }} event{{ 's' if count != 1 }}"
    "{% if region %} in {{ region | truncate(100) }}{% endif %}"
    "{% if actor %} involving {{ actor | truncate(100) }}{% endif %}"
    "{% if csv %}, in ACLED columns. Send this file back captioned /import to load it again."
    "{% else %}, as JSON.{% endif %}",
    "export.too_big": "That export is {{ size }} MB, more than the {{ limit }} MB Telegram lets "
    "me send. Narrow it with region= or actor=, or run <code>sitrep export</code> on the server.",
    "deliveries.none": "No broadcast has run yet.",
    # -- limits --
    "limit.slow_down": "You are sending commands faster than I can answer. I will answer you "
    "again in {{ seconds }} s; what you send before then is ignored.",
    # -- errors --
    "error.user": "Sorry, something went wrong while answering that. The admins have been told.",
    "error.admin": "⚠️ <b>sitrep error</b> {{ kind }}: {{ detail | truncate(1500) }}\n"
    "While handling: {{ update | truncate(1500) }}",
    # -- console --
    "console.banner": "sitrep offline console{% if demo %} (demo data){% endif %}. "
    "Type /help. Press a button by typing its number. /quit or Ctrl-D to leave.",
    "console.document_saved": "{{ caption }}\n[document saved as {{ path }}, {{ size }} bytes]",
    "console.no_buttons": "There is no button {{ number }} on the last message.",
}

_environment = Environment(autoescape=True, keep_trailing_newline=False)


@cache
def _template(key: str) -> Template:
    return _environment.from_string(MESSAGES[key])


def say(key: str, /, **values: object) -> Markup:
    """The message `key` with `values` filled in, as escaped Telegram HTML."""
    return Markup(_template(key).render(**values))
