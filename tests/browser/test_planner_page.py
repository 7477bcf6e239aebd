"""The planner page, part 1: the form, the timing helper, live planning, the checklist, safety.

One test (or a few) per point of the issue, behaviour only, in real Chromium
against the built site. Every page is guarded (conftest): a request to another
origin or a console error fails the test. Waits are generous ceilings for a
slow machine (Python takes seconds to start), never assertions about speed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Route, Worker, expect

from tests.browser.conftest import Guard, guarded
from tests.browser.test_foundation import PYTHON_TIMEOUT, interviewer

#: Every input field of spec §2 (list entries written with []); `today` is the page's own.
SPEC_FIELDS = {
    "interview_date", "interview_round", "company_style", "decision_date", "wait_days",
    "contact_on", "concern_raised", "concern_raised_by", "has_referees", "persistent_role",
    "agreed_update_interval_days", "outcome", "outcome_date", "company", "role",
    "candidate_name", "candidate_contact", "strengths",
    "interviewers[].name", "interviewers[].title", "interviewers[].email",
    "interviewers[].phone", "interviewers[].is_decision_maker", "interviewers[].topic",
    "materials[].description", "materials[].due_date", "materials[].due_time",
    "materials[].is_reference_list", "materials[].requested_by",
}  # fmt: skip


#: The day the page believes it is, unless a test sets its own: the interview day of
#: basic_form(), so that a fresh plan has nothing overdue.
INTERVIEW_DAY = "2026-03-12T12:00:00"


def open_planner(page: Page, site_url: str, now: str | None = INTERVIEW_DAY) -> None:
    """Open the planner; ``now`` fixes the page's clock (None: the test has set it)."""
    if now is not None:
        page.clock.set_fixed_time(now)
    page.goto(site_url + "planner/")


def wait_ready(page: Page) -> None:
    expect(page.locator("html")).to_have_attribute(
        "data-planner-ready", "true", timeout=PYTHON_TIMEOUT
    )


def submit(page: Page) -> None:
    page.get_by_role("button", name="Plan my follow-up").click()


def item(page: Page, key: str) -> Locator:
    return page.locator(f'#planner-result .planner-item[data-key="{key}"]')


def basic_form(page: Page, date: str = "2026-03-12") -> None:
    page.get_by_label("Interview date").fill(date)
    interviewer(page, 1).fill("Dana Reyes")


def read_timing(page: Page, phrase: str) -> None:
    page.get_by_label("Their words, or a date").fill(phrase)
    page.get_by_role("button", name="Read it").click()


# ---------------------------------------------------------------- 1. the form


def test_form_asks_every_spec_input_with_visible_labels(page: Page, site_url: str) -> None:
    """Common fields show at once, the rarer ones open on demand, all with visible labels."""
    open_planner(page, site_url)
    for label in ("Interview date", "Company", "Job you applied for"):
        expect(page.get_by_label(label, exact=False).first).to_be_visible()
    for label in ("Name", "Job title", "Email", "Phone", "A topic you discussed with them"):
        expect(interviewer(page, 1, label)).to_be_visible()
    expect(interviewer(page, 1, "This person makes the decision")).to_be_visible()
    expect(page.get_by_label("The day they asked you to contact them")).to_be_hidden()
    for summary in page.locator("details.planner-more > summary").all():
        summary.click()
    page.get_by_role("button", name="Add something you promised").click()
    paths = page.locator("[data-field]").evaluate_all(
        "nodes => nodes.map(n => n.dataset.field.replace(/\\[\\d+\\]/g, '[]'))"
    )
    assert set(paths) == SPEC_FIELDS
    # Controls of #planner-storage belong to the page extras (part 2) and are tested there.
    controls = "#planner-form :is(input, select, textarea):not(#planner-storage *)"
    unlabelled = page.locator(controls).evaluate_all(
        """nodes => nodes.filter(n => {
            const label = n.labels && n.labels[0];
            return !label || !label.textContent.trim() || !label.checkVisibility();
        }).map(n => n.id)"""
    )
    assert unlabelled == []


def test_interviewers_and_materials_can_be_added_and_removed(page: Page, site_url: str) -> None:
    open_planner(page, site_url)
    basic_form(page)
    page.get_by_role("button", name="Add another interviewer").click()
    expect(interviewer(page, 2)).to_be_focused()
    interviewer(page, 2).fill("Lee Park")
    page.get_by_role("button", name="Add another interviewer").click()
    interviewer(page, 3).fill("Sam Okafor")
    page.get_by_text("You promised to send them something").click()
    page.get_by_role("button", name="Add something you promised").click()
    promised = page.get_by_role("group", name="Promised item 1")
    promised.get_by_label("What you promised").fill("list of references")
    promised.get_by_label("The day you promised it by").fill("2026-03-13")
    promised.get_by_label("Who asked for it").select_option("Sam Okafor")
    submit(page)
    expect(item(page, "TY-EMAIL-3")).to_contain_text("Sam Okafor", timeout=PYTHON_TIMEOUT)
    expect(item(page, "MAT-1")).to_contain_text("Sam Okafor")
    # Removing Lee renumbers the rest; the plan follows live, and Sam's row keeps its value.
    page.get_by_role("button", name="Remove interviewer 2").click()
    expect(item(page, "TY-EMAIL-3")).to_have_count(0, timeout=PYTHON_TIMEOUT)
    expect(item(page, "TY-EMAIL-2")).to_contain_text("Sam Okafor")
    expect(interviewer(page, 2)).to_have_value("Sam Okafor")
    page.get_by_role("button", name="Remove promised item 1").click()
    expect(item(page, "MAT-1")).to_have_count(0, timeout=PYTHON_TIMEOUT)


# ---------------------------------------------------------------- 2. timing phrases

#: phrase, what the page says, the field, its value, and whether the field was empty before.
PHRASES = [
    ("in two weeks", "A decision by Thursday, 26 March 2026",
     "#decision-date", "2026-03-26", True),
    ("by Friday", "A decision by Friday, 13 March 2026",
     "#decision-date", "2026-03-13", False),
    ("two to three months", "A decision by Friday, 12 June 2026",
     "#decision-date", "2026-06-12", False),
    ("call me tomorrow", "Contact them on Friday, 13 March 2026",
     "#contact-on", "2026-03-13", True),
    ("don't chase us for a month", "no follow-up before Sunday, 12 April 2026",
     "#wait-days", "31", True),
    ("2026-04-01", "A decision by Wednesday, 1 April 2026",
     "#decision-date", "2026-04-01", False),
]  # fmt: skip


def test_timing_phrases_fill_an_empty_field_and_ask_before_replacing(
    page: Page, site_url: str
) -> None:
    """An empty field is filled at once; a field holding another value is replaced on confirm."""
    open_planner(page, site_url)
    basic_form(page)
    answer = page.locator("#timing-answer")
    for phrase, meaning, field, value, empty in PHRASES:
        previous = page.locator(field).input_value()
        read_timing(page, phrase)
        expect(answer).to_contain_text(meaning, timeout=PYTHON_TIMEOUT)
        if empty:
            expect(answer).to_contain_text("Filled in")
            expect(page.locator(field)).to_have_value(value)
            expect(answer.locator(".planner-confirm")).to_have_count(0)
        else:
            expect(page.locator(field)).to_have_value(previous)
            answer.locator(".planner-confirm").click()
            expect(page.locator(field)).to_have_value(value)
            expect(page.locator(field)).to_be_focused()
        expect(page.locator(field)).to_be_visible()
    # The person corrects the filled date; the plan uses the correction.
    page.locator("#decision-date").fill("2026-04-02")
    page.locator("#contact-on").fill("")
    page.locator("#wait-days").fill("")
    submit(page)
    expect(item(page, "CHECKIN-MAIN")).to_be_visible(timeout=PYTHON_TIMEOUT)
    expect(item(page, "CHECKIN-MAIN").locator("xpath=ancestor::section")).to_contain_text(
        "Friday, 3 April 2026"
    )


def test_an_understood_phrase_fills_an_empty_field_and_says_the_date_once(
    page: Page, site_url: str
) -> None:
    """No confirm step for an empty field; the date is said once, in words; it can be changed."""
    open_planner(page, site_url)
    basic_form(page)
    read_timing(page, "two to three months")
    answer = page.locator("#timing-answer")
    decision = page.get_by_label("The day they said they would decide by")
    expect(decision).to_have_value("2026-06-12", timeout=PYTHON_TIMEOUT)
    expect(answer).to_contain_text("Filled in: A decision by Friday, 12 June 2026")
    expect(answer).to_contain_text("later end of the range")
    text = answer.inner_text()
    assert text.count("12 June 2026") == 1, text
    assert "2026-06-12" not in text, text
    answer.get_by_role("button", name="Change the decision date").click()
    expect(decision).to_be_focused()
    decision.fill("2026-06-15")
    submit(page)
    expect(item(page, "CHECKIN-MAIN").locator("xpath=ancestor::section")).to_contain_text(
        "Tuesday, 16 June 2026", timeout=PYTHON_TIMEOUT
    )


def test_a_phrase_not_understood_is_said_kindly(page: Page, site_url: str) -> None:
    open_planner(page, site_url)
    basic_form(page)
    read_timing(page, "when the moon is blue")
    answer = page.locator("#timing-answer")
    expect(answer).to_contain_text("wasn't understood", timeout=PYTHON_TIMEOUT)
    expect(answer.get_by_role("button")).to_have_count(0)
    expect(page.locator("#decision-date")).to_have_value("")
    expect(page.get_by_label("Their words, or a date")).to_have_value("when the moon is blue")


# ---------------------------------------------------------------- 3. at once, and live


class HeldPython:
    """Holds the worker's download of Python until released, to test what happens meanwhile."""

    PATTERN = "**/pyodide.asm.wasm"

    def __init__(self, context: BrowserContext) -> None:
        self.context = context
        self.routes: list[Route] = []

        def hold(route: Route) -> None:
            self.routes.append(route)

        self.hold = hold
        # A context route: the worker's requests pass through the context, not the page.
        context.route(self.PATTERN, self.hold)

    def wait_until_asked(self, page: Page) -> None:
        """Wait until the worker has asked for Python (and is held)."""
        for _ in range(PYTHON_TIMEOUT // 100):
            if self.routes:
                return
            page.wait_for_timeout(100)
        raise AssertionError("the worker never asked for Python")

    def release(self) -> None:
        self.context.unroute(self.PATTERN, self.hold)
        for route in self.routes:
            route.continue_()


def test_a_submit_before_python_is_ready_is_answered_when_it_is(
    page: Page, site_url: str, site_context: BrowserContext
) -> None:
    """Python's download is held back; the form still takes a submit and answers it later."""
    held = HeldPython(site_context)
    open_planner(page, site_url)
    basic_form(page)
    submit(page)
    expect(page.locator("#planner-status")).to_contain_text("as soon as")
    expect(page.locator("html")).not_to_have_attribute("data-planner-ready", "true")
    held.wait_until_asked(page)
    held.release()
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Dana Reyes", timeout=PYTHON_TIMEOUT)


def test_changes_after_the_first_plan_replan_live(page: Page, site_url: str) -> None:
    """No second submit: edits show in the checklist, and the last edit wins."""
    open_planner(page, site_url)
    basic_form(page)
    submit(page)
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Dana Reyes", timeout=PYTHON_TIMEOUT)
    name = interviewer(page, 1)
    for typed in ("Dana", "Dana R", "Dana Ro", "Dana Ross"):
        name.fill(typed)
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Dana Ross", timeout=PYTHON_TIMEOUT)
    page.get_by_text("More about the interview").click()
    page.get_by_label("What kind of company is it?").select_option("traditional")
    expect(item(page, "TY-NOTE-1")).to_be_visible(timeout=PYTHON_TIMEOUT)
    expect(item(page, "TY-NOTE-1")).not_to_contain_text("Optional")


def test_a_replan_keeps_open_steps_and_drafts_open(page: Page, site_url: str) -> None:
    """Typing while a draft is open re-plans without snapping the draft or the steps shut."""
    open_planner(page, site_url)
    basic_form(page)
    submit(page)
    thanks = item(page, "TY-EMAIL-1")
    expect(thanks).to_contain_text("Dana Reyes", timeout=PYTHON_TIMEOUT)
    thanks.locator(".planner-steps > summary").click()
    thanks.locator(".planner-draft summary").click()
    interviewer(page, 1).fill("Dana Ross")
    expect(thanks).to_contain_text("Dana Ross", timeout=PYTHON_TIMEOUT)
    expect(thanks.locator(".planner-steps")).to_have_attribute("open", "")
    expect(thanks.locator(".planner-draft details")).to_have_attribute("open", "")
    expect(page.locator("#planner-result details[open]")).to_have_count(2)


def test_an_out_of_date_checklist_is_marked_until_the_problem_is_fixed(
    page: Page, site_url: str
) -> None:
    """A live change with a problem dims the checklist and says so; once fixed, nothing is dim."""
    open_planner(page, site_url)
    basic_form(page)
    submit(page)
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Dana Reyes", timeout=PYTHON_TIMEOUT)
    result = page.locator("#planner-result")
    page.get_by_label("Interview date").fill("")
    expect(page.locator("#planner-stale")).to_be_visible(timeout=PYTHON_TIMEOUT)
    expect(result).to_have_class(re.compile(r"\bplanner-result--stale\b"))
    expect(page.locator("#planner-status")).to_have_text(
        "The checklist is waiting for the highlighted details."
    )
    page.get_by_label("Interview date").fill("2026-03-13")
    expect(page.locator("#planner-day-2026-03-13")).to_be_visible(timeout=PYTHON_TIMEOUT)
    expect(page.locator("#planner-stale")).to_be_hidden()
    expect(result).not_to_have_class(re.compile(r"\bplanner-result--stale\b"))
    opacity = item(page, "TY-EMAIL-1").evaluate(
        "node => getComputedStyle(node.parentElement.parentElement).opacity"
    )
    assert opacity == "1"


def test_one_edit_sends_one_plan_request(page: Page, site_url: str) -> None:
    """`input` then `change` (on leaving the field) for the same value plan only once."""
    open_planner(page, site_url)
    basic_form(page)
    submit(page)
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Dana Reyes", timeout=PYTHON_TIMEOUT)
    page.evaluate(
        """() => { const c = window.followUpTest.connection; const send = c.request.bind(c);
        window.planRequests = 0;
        c.request = (op, fields) => { if (op === 'plan') window.planRequests += 1;
                                      return send(op, fields); }; }"""
    )
    interviewer(page, 1).fill("Dana Ross")
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Dana Ross", timeout=PYTHON_TIMEOUT)
    page.keyboard.press("Tab")  # leaving the field fires `change` with the same value
    page.wait_for_timeout(1500)  # longer than the live delay: a second request would be out
    assert page.evaluate("window.planRequests") == 1


@pytest.fixture
def far_east_context(browser: Browser, guard: Guard) -> Iterator[BrowserContext]:
    """A guarded context in UTC+14, where the local date is a day ahead of UTC at noon UTC."""
    context = guarded(browser.new_context(timezone_id="Pacific/Kiritimati"), guard)
    yield context
    context.close()
    assert guard.foreign == []
    assert guard.unexpected_errors() == []


def test_today_is_the_local_date(far_east_context: BrowserContext, site_url: str) -> None:
    """At 12:00 UTC on 12 March it is already 13 March in Kiritimati: today is the 13th."""
    page = far_east_context.new_page()
    page.clock.set_fixed_time("2026-03-12T12:00:00Z")
    open_planner(page, site_url, now=None)
    basic_form(page)
    submit(page)
    # Overdue means before today: the 12th's asks are overdue only if today is the 13th.
    expect(item(page, "TY-EMAIL-1")).not_to_contain_text("Overdue", timeout=PYTHON_TIMEOUT)
    expect(page.locator("#planner-day-2026-03-13")).to_contain_text("(today)")
    expect(page.locator("#planner-day-2026-03-12")).to_contain_text("(yesterday)")


# ---------------------------------------------------------------- 4. the checklist


def test_checklist_shows_days_who_how_why_steps_and_drafts(
    page: Page, site_url: str, site_context: BrowserContext
) -> None:
    site_context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.clock.set_fixed_time("2026-03-20T12:00:00")
    open_planner(page, site_url, now=None)
    basic_form(page)
    interviewer(page, 1, "Email").fill("dana@example.com")
    page.get_by_role("button", name="Add another interviewer").click()
    interviewer(page, 2).fill("Lee Park")
    page.get_by_text("They asked you to wait, or to contact them").click()
    page.get_by_label("The day they asked you to contact them").fill("2026-03-16")
    page.get_by_label("How many days they asked you to wait").fill("3")
    submit(page)

    result = page.locator("#planner-result")
    thanks = item(page, "TY-EMAIL-1")
    expect(thanks).to_be_visible(timeout=PYTHON_TIMEOUT)
    # Grouped by date, with the weekday; what is overdue is listed under today, to be done.
    day = page.locator("section.planner-day").first
    expect(day.get_by_role("heading", level=3)).to_contain_text("Friday, 20 March 2026 (today)")
    expect(day.locator('[data-key="TY-EMAIL-2"]')).to_contain_text("Lee Park")
    # Who, how, and the latest day.
    expect(thanks.locator("dl")).to_contain_text("Dana Reyes")
    expect(thanks.locator("dl")).to_contain_text("By email")
    expect(thanks.locator("dl")).to_contain_text("Friday, 13 March 2026")
    # Optional and overdue are marked in words.
    expect(item(page, "TY-NOTE-1")).to_contain_text("Optional")
    expect(thanks).to_contain_text("Overdue")
    # Steps unfold.
    step = thanks.get_by_text("Review your notes and pick one specific point.")
    expect(step).to_be_hidden()
    thanks.get_by_text(re.compile(r"How to do it: \d+ steps")).click()
    expect(step).to_be_visible()
    # Why: the guide section of the first advice id.
    link = thanks.locator("a.planner-guide-link")
    expect(link).to_have_attribute("href", "../guide/same-day/#thank-you-promptly")
    # The draft sits in the item, with a copy button and a mailto link.
    draft = thanks.locator(".planner-draft")
    expect(draft).to_have_count(1)
    draft.get_by_role("button", name="Copy the email to Dana Reyes").click()
    expect(draft).to_contain_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Subject: ") and "Dear Dana Reyes" in copied
    mail = draft.get_by_role("link", name="Open it in your email app")
    expect(mail).to_have_attribute("href", re.compile(r"^mailto:dana@example\.com\?subject="))
    no_address = item(page, "TY-EMAIL-2").get_by_role("link", name="Open it in your email app")
    expect(no_address).to_have_count(0)
    # The engine's warning (a wait beside a contact date) sits above the checklist.
    warning = result.locator(".planner-warnings")
    expect(warning).to_contain_text("ignores the wait")
    above = page.evaluate(
        "document.querySelector('.planner-warnings').compareDocumentPosition("
        "document.querySelector('#checklist-heading')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    assert above


@pytest.mark.parametrize("interview", ["2026-03-12", "2026-03-10"])
def test_what_is_done_at_the_interview_is_not_tonights_to_do(
    page: Page, site_url: str, interview: str
) -> None:
    """AT-* items sit under "At the interview", not overdue, and "Next:" points past them."""
    page.clock.set_fixed_time("2026-03-12T19:00:00")
    open_planner(page, site_url, now=None)
    basic_form(page, interview)
    submit(page)
    room = page.locator("#planner-result section.planner-at-interview")
    expect(room.locator('[data-key="AT-CONTACTS"]')).to_be_visible(timeout=PYTHON_TIMEOUT)
    expect(room.get_by_role("heading", level=3)).to_contain_text(
        "At the interview (if you're still in the room, or to note for next time)"
    )
    expect(page.locator("section.planner-day [data-key^='AT-']")).to_have_count(0)
    expect(room).not_to_contain_text("Overdue")
    summary = page.locator(".planner-summary")
    expect(summary).to_contain_text("Next: ")
    expect(summary).not_to_contain_text("Ask when they expect to decide")
    expect(summary).not_to_contain_text("Collect each interviewer")


def test_items_say_when_and_why_in_plain_words(page: Page, site_url: str) -> None:
    """The thank-you says today / tomorrow; the footer names its basis in plain words."""
    page.clock.set_fixed_time("2026-03-12T19:00:00")
    open_planner(page, site_url, now=None)
    basic_form(page)
    submit(page)
    thanks = item(page, "TY-EMAIL-1")
    expect(thanks.locator("dl")).to_contain_text(
        "Today (tomorrow at the latest)", timeout=PYTHON_TIMEOUT
    )
    basis = thanks.locator(".planner-basis")
    expect(basis).to_contain_text("Based on what the sources agree on and our rule where")
    expect(basis.get_by_role("link", name="Where the sources disagree")).to_have_attribute(
        "href", "../guide/disagreements/"
    )
    expect(page.locator("#planner-result")).not_to_contain_text("Based on the sources agree")
    timeline = item(page, "AT-TIMELINE")
    expect(timeline.locator(".planner-guide-link")).not_to_contain_text(
        "Why: Ask when they expect to decide"
    )


def test_a_call_shows_the_number_to_call_on_screen_and_on_paper(page: Page, site_url: str) -> None:
    """The check-in call to the decision maker carries a tel: link to their number."""
    open_planner(page, site_url)
    basic_form(page)
    interviewer(page, 1, "Phone").fill("+44 20 7946 0000")
    interviewer(page, 1, "This person makes the decision").check()
    page.locator("#decision-date").fill("2026-03-26")
    submit(page)
    call = item(page, "CHECKIN-MAIN")
    expect(call).to_contain_text("By phone", timeout=PYTHON_TIMEOUT)
    number = call.get_by_role("link", name="+44 20 7946 0000")
    expect(number).to_have_attribute("href", "tel:+442079460000")
    page.emulate_media(media="print")
    expect(number).to_be_visible()


def test_a_calm_note_says_public_holidays_are_not_skipped(page: Page, site_url: str) -> None:
    open_planner(page, site_url)
    basic_form(page)
    submit(page)
    note = page.locator("#planner-result .planner-holidays")
    expect(note).to_contain_text("not public holidays", timeout=PYTHON_TIMEOUT)
    expect(note.get_by_role("link")).to_have_attribute("href", "../guide/not-covered/#weekends")
    first_day = page.locator("#planner-result section.planner-day").first
    above = note.evaluate(
        "(n, day) => !!(n.compareDocumentPosition(day) & Node.DOCUMENT_POSITION_FOLLOWING)",
        first_day.element_handle(),
    )
    assert above


# ---------------------------------------------------------------- 5. safety

HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'


def test_user_text_is_text_and_our_code_adds_no_inline_code(page: Page, site_url: str) -> None:
    open_planner(page, site_url)
    page.get_by_label("Interview date").fill("2026-03-12")
    page.get_by_label("Company (optional)").fill(HOSTILE)
    interviewer(page, 1).fill(f"Dana {HOSTILE}")
    interviewer(page, 1, "A topic you discussed with them").fill(HOSTILE)
    page.get_by_text("They raised a concern").click()
    page.get_by_label("What the concern was").fill(HOSTILE)
    submit(page)
    expect(item(page, "TY-EMAIL-1")).to_contain_text(HOSTILE, timeout=PYTHON_TIMEOUT)
    for box in page.locator(".planner-draft summary").all():
        box.click()
    expect(page.locator("#planner-result img, #planner-result script")).to_have_count(0)
    assert page.evaluate("window.pwned") is None
    inline = page.evaluate(
        """() => [...document.querySelectorAll('article *')].flatMap(node =>
            [...node.attributes].filter(a => a.name === 'style' || a.name.startsWith('on'))
              .map(a => node.tagName + ' ' + a.name))"""
    )
    assert inline == []
    expect(page.locator("article script:not([src])")).to_have_count(0)


def test_problems_show_beside_their_fields_and_nothing_is_lost(page: Page, site_url: str) -> None:
    open_planner(page, site_url)
    basic_form(page)
    page.get_by_role("button", name="Add another interviewer").click()
    page.get_by_text("You promised to send them something").click()
    page.get_by_role("button", name="Add something you promised").click()
    promised = page.get_by_role("group", name="Promised item 1")
    promised.get_by_label("What you promised").fill("portfolio")
    promised.get_by_label("The day you promised it by").fill("2026-03-01")
    page.get_by_text("How often to check in").click()
    page.get_by_label("Days between updates").fill("ten")
    submit(page)

    blank = interviewer(page, 2)
    expect(blank).to_have_attribute("aria-invalid", "true", timeout=PYTHON_TIMEOUT)
    expect(blank).to_be_focused()
    expect(page.locator("#interviewers-1-name-error")).not_to_be_empty()
    due = promised.get_by_label("The day you promised it by")
    expect(due).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#materials-0-due-date-error")).not_to_be_empty()
    expect(page.locator("#update-interval-error")).to_contain_text("whole number")
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("3 details need your attention")
    # Nothing typed is lost.
    expect(due).to_have_value("2026-03-01")
    expect(page.get_by_label("Days between updates")).to_have_value("ten")
    expect(interviewer(page, 1)).to_have_value("Dana Reyes")
    # Fixing them clears the problems and plans.
    blank.fill("Lee Park")
    due.fill("2026-03-13")
    page.get_by_label("Days between updates").fill("10")
    submit(page)
    expect(item(page, "MAT-1")).to_be_visible(timeout=PYTHON_TIMEOUT)
    expect(page.locator("[aria-invalid]")).to_have_count(0)
    expect(summary).to_be_hidden()


def test_a_dead_worker_is_restarted_and_the_request_replayed(
    page: Page, site_url: str, guard: Guard
) -> None:
    guard.allowed_errors.append("planner worker crashed on request (test)")
    workers: list[Worker] = []
    page.on("worker", lambda worker: workers.append(worker))
    open_planner(page, site_url)
    wait_ready(page)
    basic_form(page)
    page.evaluate("window.followUpTest.crash()")
    submit(page)  # reaches the dying worker, which no longer answers
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Dana Reyes", timeout=PYTHON_TIMEOUT)
    assert len([w for w in workers if "/assets/planner/" in w.url]) == 2
    wait_ready(page)


def test_the_page_as_shipped_has_no_test_hooks(
    browser: Browser, guard: Guard, site_url: str
) -> None:
    """Without the tests' switch the page exposes nothing, and its worker ignores "crash"."""
    context = guarded(browser.new_context(), guard, test_hooks=False)
    page = context.new_page()
    workers: list[Worker] = []
    page.on("worker", lambda worker: workers.append(worker))
    open_planner(page, site_url)
    wait_ready(page)
    assert page.evaluate("[typeof window.followUpTest, typeof window.followUpTestHooks]") == [
        "undefined",
        "undefined",
    ]
    (python,) = [w for w in workers if "/assets/planner/" in w.url]
    python.evaluate("self.dispatchEvent(new MessageEvent('message', {data: {kind: 'crash'}}))")
    basic_form(page)
    submit(page)
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Dana Reyes", timeout=PYTHON_TIMEOUT)
    assert len([w for w in workers if "/assets/planner/" in w.url]) == 1, "never restarted"
    context.close()
    assert guard.unexpected_errors() == []


def test_when_python_cannot_load_there_is_a_retry_and_the_guide_works(
    page: Page, site_url: str, guard: Guard, site_context: BrowserContext
) -> None:
    guard.allowed_errors.extend(["404", "pyodide", "WebAssembly", "wasm"])

    def missing(route: Route) -> None:
        route.fulfill(status=404, body="not found")

    site_context.route("**/pyodide.asm.wasm", missing)
    open_planner(page, site_url)
    basic_form(page)
    submit(page)
    problem = page.locator("#planner-fatal")
    expect(problem).to_be_visible(timeout=PYTHON_TIMEOUT)
    expect(problem).to_contain_text("could not start")
    expect(interviewer(page, 1)).to_have_value("Dana Reyes")
    # Retry once Python is reachable again: the plan asked for earlier appears.
    site_context.unroute("**/pyodide.asm.wasm", missing)
    problem.get_by_role("button", name="Try again").click()
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Dana Reyes", timeout=PYTHON_TIMEOUT)
    expect(problem).to_be_hidden()
    # The guide is plain pages and keeps working.
    page.goto(site_url + "guide/same-day/")
    expect(page.locator("#thank-you-promptly")).to_be_visible()


# ---------------------------------------------------------------- the journey


def test_journey_from_home_to_the_guide(page: Page, site_url: str, guard: Guard) -> None:
    """Home -> planner; two interviewers and a timing phrase; the checklist; a guide link."""
    page.clock.set_fixed_time(INTERVIEW_DAY)
    page.goto(site_url)
    page.get_by_role("link", name="Open the planner").click()
    expect(page).to_have_url(site_url + "planner/")
    page.get_by_label("Interview date").fill("2026-03-12")
    interviewer(page, 1).fill("Dana Reyes")
    interviewer(page, 1, "This person makes the decision").check()
    page.get_by_role("button", name="Add another interviewer").click()
    interviewer(page, 2).fill("Lee Park")
    read_timing(page, "in two weeks")
    decision = page.get_by_label("The day they said they would decide by")
    expect(decision).to_have_value("2026-03-26", timeout=PYTHON_TIMEOUT)
    # The person can still correct it: change it, then put the engine's reading back.
    page.get_by_role("button", name="Change the decision date").click()
    expect(decision).to_be_focused()
    decision.fill("2026-03-27")
    read_timing(page, "in two weeks")
    page.get_by_role("button", name="Use this as the decision date").click(timeout=PYTHON_TIMEOUT)
    expect(decision).to_have_value("2026-03-26")
    submit(page)
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Dana Reyes", timeout=PYTHON_TIMEOUT)
    expect(item(page, "TY-EMAIL-2")).to_contain_text("Lee Park")
    main = item(page, "CHECKIN-MAIN")
    expect(main).to_contain_text("Dana Reyes")
    # The day after the decision date: Friday 27 March 2026.
    expect(page.locator("#planner-day-2026-03-27")).to_contain_text("Friday, 27 March 2026")
    expect(page.locator("[data-day='2026-03-27'] [data-key='CHECKIN-MAIN']")).to_have_count(1)
    main.locator("a.planner-guide-link").click()
    expect(page).to_have_url(re.compile(r"/guide/the-wait/#"))
    anchor = page.url.split("#", 1)[1]
    expect(page.locator(f"[id='{anchor}']")).to_be_visible()
    assert guard.foreign == []


# ---------------------------------------------------------------- failures that must not loop


def test_after_python_fails_to_load_requests_are_refused_until_try_again(
    page: Page, site_url: str, guard: Guard, site_context: BrowserContext
) -> None:
    """A failed load is not retried behind the person's back: only Try again restarts it."""
    guard.allowed_errors.extend(["404", "pyodide", "WebAssembly", "wasm"])
    site_context.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="no"))
    open_planner(page, site_url)
    basic_form(page)
    submit(page)
    expect(page.locator("#planner-fatal")).to_be_visible(timeout=PYTHON_TIMEOUT)
    interviewer(page, 1).fill("Dana Ross")  # a live change after the failure
    answer = page.evaluate(
        "window.followUpTest.connection.request('version').then(() => 'answered', () => 'refused')"
    )
    assert answer == "refused"
    assert page.evaluate("window.followUpTest.connection.starts") == 1
    assert page.evaluate("window.followUpTest.connection.worker") is None


def test_a_request_that_kills_python_again_is_given_up_with_a_retry(
    page: Page, site_url: str, guard: Guard
) -> None:
    """The replayed request kills the fresh worker too: no third worker, a message and a retry."""
    guard.allowed_errors.append("planner worker crashed on request (test)")
    open_planner(page, site_url)
    wait_ready(page)
    basic_form(page)
    page.evaluate("window.followUpTest.crash({ every: true })")
    submit(page)
    problem = page.locator("#planner-fatal")
    expect(problem).to_contain_text("stopped while working", timeout=PYTHON_TIMEOUT)
    assert page.evaluate("window.followUpTest.connection.starts") == 2
    page.evaluate("window.followUpTest.stopCrashing()")
    problem.get_by_role("button", name="Try again").click()
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Dana Reyes", timeout=PYTHON_TIMEOUT)
    expect(problem).to_be_hidden()


def test_a_slow_load_says_so_and_recovers_when_python_arrives(
    page: Page, site_url: str, site_context: BrowserContext
) -> None:
    """Past the load timeout a message and a retry show; the worker goes on and then plans."""
    held = HeldPython(site_context)
    page.clock.install()
    open_planner(page, site_url, now=None)
    basic_form(page)
    submit(page)
    held.wait_until_asked(page)
    page.clock.fast_forward("01:00")
    problem = page.locator("#planner-fatal")
    expect(problem).to_contain_text("taking a long time")
    expect(problem.get_by_role("button", name="Try again")).to_be_visible()
    held.release()
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Dana Reyes", timeout=PYTHON_TIMEOUT)
    expect(problem).to_be_hidden()
