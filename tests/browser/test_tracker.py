"""The planner as a tracker (issue 10): several interviews, Today, ticks, keeping, backups.

Behaviour only, in real Chromium against the built site, each context guarded (no
request to another origin, no console error). The page's clock is fixed, so "today"
is known: Monday 20 April 2026 unless a test says otherwise.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import ContextMaker
from tests.browser.test_extras import PYTHON_TIMEOUT
from tests.browser.test_foundation import interviewer

TODAY = "2026-04-20T10:00:00"


def start(page: Page, site_url: str, now: str = TODAY) -> None:
    """Open the planner on a fixed day and wait for Python."""
    page.clock.set_fixed_time(now)
    page.goto(site_url + "planner/")
    expect(page.locator("html")).to_have_attribute(
        "data-planner-ready", "true", timeout=PYTHON_TIMEOUT
    )


def fill_interview(page: Page, date: str, company: str, name: str, phone: str = "") -> None:
    page.get_by_label("Interview date").fill(date)
    page.locator("#company").fill(company)
    interviewer(page, 1).fill(name)
    if phone:
        interviewer(page, 1, "Phone").fill(phone)


def plan(page: Page) -> None:
    page.get_by_role("button", name="Plan my follow-up").click()
    expect(item(page, "TY-EMAIL-1")).to_be_visible(timeout=PYTHON_TIMEOUT)


def item(page: Page, key: str) -> Locator:
    return page.locator(f'#planner-result .planner-item[data-key="{key}"]')


def due_heading(page: Page, key: str) -> str:
    """The day heading the item is listed under."""
    return str(
        item(page, key).evaluate("node => node.closest('section').querySelector('h3').textContent")
    )


def message(page: Page) -> Locator:
    return page.locator(".planner-tracker-message")


def acme_and_birch(page: Page) -> None:
    """Two interviews: Acme on 12 March (Dana, by phone), Birch on 14 April (Lee)."""
    fill_interview(page, "2026-03-12", "Acme", "Dana Reyes", "+44 20 7946 0000")
    plan(page)
    page.get_by_role("button", name="New interview").click()
    expect(page.get_by_label("Interview date")).to_have_value("")
    fill_interview(page, "2026-04-14", "Birch", "Lee Park")
    plan(page)


def stored(page: Page) -> dict[str, Any]:
    """Everything the site stored, in every place a browser offers."""
    return dict(
        page.evaluate(
            """async () => {
                const databases = indexedDB.databases ? await indexedDB.databases() : [];
                const cached = [];
                for (const name of await caches.keys()) {
                    const cache = await caches.open(name);
                    for (const request of await cache.keys()) {
                        const text = await (await cache.match(request)).clone().text();
                        cached.push(text);
                    }
                }
                return {
                    local: Object.fromEntries(Object.entries(localStorage)),
                    session: Object.fromEntries(Object.entries(sessionStorage)),
                    databases: databases.map((d) => d.name),
                    cached,
                };
            }"""
        )
    )


# ---------------------------------------------------------------- several interviews


def test_two_interviews_added_and_switched(page: Page, site_url: str) -> None:
    """Each interview keeps its own details and plan; the switcher and the list open them."""
    start(page, site_url)
    acme_and_birch(page)
    switch = page.get_by_label("Interview", exact=True)
    expect(switch.locator("option")).to_have_text(["Acme", "Birch"])
    switch.select_option(label="Acme")
    expect(page.locator("#company")).to_have_value("Acme")
    expect(interviewer(page, 1)).to_have_value("Dana Reyes")
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Dana Reyes", timeout=PYTHON_TIMEOUT)
    expect(page.get_by_role("heading", name="Your interview: Acme")).to_be_visible()
    switch.select_option(label="Birch")
    expect(page.locator("#company")).to_have_value("Birch")
    expect(item(page, "TY-EMAIL-1")).to_contain_text("Lee Park", timeout=PYTHON_TIMEOUT)


def test_archive_and_delete_with_undo(page: Page, site_url: str) -> None:
    """An archived interview leaves Today's list; a deleted one can be brought back."""
    start(page, site_url)
    acme_and_birch(page)
    page.get_by_role("button", name="Today").click()
    listing = page.locator("#planner-interviews")
    listing.get_by_role("button", name="Archive: Acme").click()
    expect(page.locator("#planner-agenda")).not_to_contain_text("Acme", timeout=PYTHON_TIMEOUT)
    expect(listing.locator("details.planner-archived")).to_contain_text("Archived (1)")
    # Its button went out of sight with it: focus is on the list's heading, not lost.
    expect(page.locator("#planner-interviews-heading")).to_be_focused()
    listing.get_by_role("button", name="Delete: Birch").click()
    expect(message(page)).to_contain_text("“Birch” is deleted")
    expect(listing.get_by_role("button", name="Birch", exact=True)).to_have_count(0)
    undo = message(page).get_by_role("button", name="Undo")
    expect(undo).to_be_focused()
    undo.click()
    expect(listing.get_by_role("button", name="Birch", exact=True)).to_be_visible()
    expect(listing.get_by_role("button", name="Birch", exact=True)).to_be_focused()


# ---------------------------------------------------------------- ticking


def test_ticking_a_late_check_in_moves_the_next_ones(page: Page, site_url: str) -> None:
    """The missed main check-in is to be made today; done on 2 April, the repeats move."""
    start(page, site_url)
    fill_interview(page, "2026-03-12", "Acme", "Dana Reyes", "+44 20 7946 0000")
    plan(page)
    main = item(page, "CHECKIN-MAIN")
    expect(main).to_contain_text("Overdue: do it today")
    assert due_heading(page, "CHECKIN-MAIN").startswith("Monday, 20 April 2026")
    assert due_heading(page, "CHECKIN-REPEAT-1").startswith("Thursday, 30 April 2026")
    main.get_by_label("Done", exact=True).check()
    expect(item(page, "CHECKIN-MAIN")).to_contain_text("Done Monday, 20 April 2026")
    # It was made late, on Thursday 2 April: the first repeat comes 10 days after that
    # (bd(12 April) = Monday 13 April, now overdue itself: to do today).
    day = item(page, "CHECKIN-MAIN").get_by_label("The day you did it", exact=False)
    day.fill("2026-04-02")
    day.dispatch_event("change")
    expect(item(page, "CHECKIN-MAIN")).to_contain_text("Done Thursday, 2 April 2026")
    repeat = item(page, "CHECKIN-REPEAT-2")
    expect(repeat).to_contain_text("Moved: was", timeout=PYTHON_TIMEOUT)
    assert due_heading(page, "CHECKIN-REPEAT-2").startswith("Thursday, 30 April 2026")
    # A day in the future is refused beside the field, and changes nothing.
    day = item(page, "CHECKIN-MAIN").get_by_label("The day you did it", exact=False)
    day.fill("2026-04-25")
    day.dispatch_event("change")
    expect(item(page, "CHECKIN-MAIN")).to_contain_text("can't have done it in the future")
    expect(item(page, "CHECKIN-MAIN")).to_contain_text("Done Thursday, 2 April 2026")
    # Unticked, the plan is what it was.
    item(page, "CHECKIN-MAIN").get_by_label("Done on").uncheck()
    expect(item(page, "CHECKIN-MAIN")).to_contain_text("Overdue: do it today")


def test_what_they_said_counts_from_the_check_in(page: Page, site_url: str) -> None:
    """After a check-in, a phrase counts from its day; another round offers the next plan."""
    start(page, site_url)
    fill_interview(page, "2026-03-12", "Acme", "Dana Reyes", "+44 20 7946 0000")
    plan(page)
    item(page, "CHECKIN-MAIN").get_by_label("Done", exact=True).check()
    panel = item(page, "CHECKIN-MAIN").locator("details.planner-heard")
    expect(panel).to_have_attribute("open", "")
    panel.get_by_label("A note about this contact", exact=False).fill("She is away until May")
    panel.get_by_label("When will they decide", exact=False).fill("in two weeks")
    panel.get_by_role("button", name="Read it").click()
    panel.get_by_role("button", name="Use it in the plan").click()
    # Two weeks from Monday 20 April: a decision by Monday 4 May, so the next repeat is Tuesday 5.
    expect(page.get_by_label("The day they said they would decide by")).to_have_value("2026-05-04")
    expect(item(page, "CHECKIN-REPEAT-1")).to_be_visible(timeout=PYTHON_TIMEOUT)
    page.wait_for_function(
        "() => document.querySelector('#planner-result [data-key=\"CHECKIN-REPEAT-1\"]')"
        ".closest('section').querySelector('h3').textContent.startsWith('Tuesday, 5 May')",
        timeout=PYTHON_TIMEOUT,
    )
    expect(page.locator(".planner-history")).to_contain_text("She is away until May")
    panel = item(page, "CHECKIN-MAIN").locator("details.planner-heard")
    if panel.get_attribute("open") is None:
        panel.locator("summary").click()
    panel.get_by_role("button", name="Another round").click()
    start_next = item(page, "NEXT-ROUND").get_by_role("button", name="Start the next round's plan")
    expect(start_next).to_be_visible(timeout=PYTHON_TIMEOUT)
    start_next.click()
    expect(page.locator("#company")).to_have_value("Acme")
    expect(page.get_by_label("Interview date")).to_have_value("")
    expect(page.get_by_label("Which round was it?")).to_have_value("2")


# ---------------------------------------------------------------- today


def test_today_lists_every_interview_and_ticks_from_there(page: Page, site_url: str) -> None:
    """Today: overdue steps first, each naming its interview; Mark done takes one off."""
    start(page, site_url)
    acme_and_birch(page)
    page.get_by_role("button", name="Today").click()
    agenda = page.locator("#planner-agenda")
    expect(agenda.get_by_role("heading", name="Overdue: do these today")).to_be_visible(
        timeout=PYTHON_TIMEOUT
    )
    overdue = agenda.locator(".planner-agenda-item--overdue")
    expect(overdue.filter(has_text="Call Dana Reyes to ask where they are")).to_have_count(1)
    expect(overdue.filter(has_text="Email a thank-you to Lee Park")).to_contain_text("Birch")
    overdue.filter(has_text="Email a thank-you to Lee Park").get_by_role(
        "button", name="Mark done", exact=False
    ).click()
    expect(agenda).not_to_contain_text("Email a thank-you to Lee Park", timeout=PYTHON_TIMEOUT)
    # The line went: focus is on the next line's Mark done, for the next one.
    expect(page.locator(":focus")).to_have_class(re.compile("planner-agenda-done"))
    agenda.locator(".planner-agenda-item").filter(has_text="Call Dana Reyes").get_by_role(
        "button", name="Acme", exact=True
    ).click()
    expect(page.locator("#company")).to_have_value("Acme")
    expect(page.locator("#planner-today")).to_be_hidden()


def test_a_page_left_open_overnight_counts_from_the_new_day(page: Page, site_url: str) -> None:
    """Seen again on a later day, Today and the checklist count from it; a tick is
    dated the day it is clicked, even on a list made the day before."""
    start(page, site_url)
    acme_and_birch(page)
    page.get_by_role("button", name="Today").click()
    heading = page.locator("#planner-today-heading")
    expect(heading).to_contain_text("20 April 2026", timeout=PYTHON_TIMEOUT)
    seen_again = "() => document.dispatchEvent(new Event('visibilitychange'))"
    page.clock.set_fixed_time("2026-04-21T09:00:00")
    page.evaluate(seen_again)
    expect(heading).to_contain_text("21 April 2026", timeout=PYTHON_TIMEOUT)
    # Past midnight with the list still on screen: Mark done says the new day.
    page.clock.set_fixed_time("2026-04-22T00:30:00")
    agenda = page.locator("#planner-agenda")
    agenda.locator(".planner-agenda-item").filter(has_text="Call Dana Reyes").get_by_role(
        "button", name="Mark done", exact=False
    ).click()
    agenda.get_by_role("button", name="Acme", exact=True).first.click()
    expect(item(page, "CHECKIN-MAIN")).to_contain_text(
        "Done Wednesday, 22 April 2026", timeout=PYTHON_TIMEOUT
    )
    # So does a tick on a checklist planned the day before.
    page.clock.set_fixed_time("2026-04-23T00:30:00")
    item(page, "TY-EMAIL-1").get_by_label("Done", exact=True).check()
    expect(item(page, "TY-EMAIL-1")).to_contain_text(
        "Done Thursday, 23 April 2026", timeout=PYTHON_TIMEOUT
    )
    # Seen again the next day, the checklist is planned from it: what is late is listed then.
    result = page.locator("#planner-result")
    expect(result).not_to_contain_text("Friday, 24 April 2026")
    page.clock.set_fixed_time("2026-04-24T09:00:00")
    page.evaluate(seen_again)
    expect(result.get_by_role("heading", name="Friday, 24 April 2026", exact=False)).to_be_visible(
        timeout=PYTHON_TIMEOUT
    )


# ---------------------------------------------------------------- keeping and coming back


def test_reload_without_consent_keeps_the_tab_only(
    make_context: ContextMaker, site_url: str
) -> None:
    """Without the choice, a reload keeps what was typed; another tab or visit has nothing."""
    context = make_context()
    page = context.new_page()
    start(page, site_url)
    fill_interview(page, "2026-03-12", "Acme", "Dana Reyes")
    plan(page)
    page.reload()
    expect(page.locator("html")).to_have_attribute(
        "data-planner-ready", "true", timeout=PYTHON_TIMEOUT
    )
    expect(page.get_by_label("Interview", exact=True).locator("option")).to_have_text(["Acme"])
    assert stored(page)["local"] == {} and stored(page)["databases"] == []
    other = context.new_page()
    start(other, site_url)
    expect(other.locator("#company")).to_have_value("")


def test_kept_interviews_come_back_in_a_new_tab(make_context: ContextMaker, site_url: str) -> None:
    """Once kept, the interviews are in IndexedDB and any new tab opens on Today with them."""
    context = make_context()
    page = context.new_page()
    start(page, site_url)
    acme_and_birch(page)
    page.get_by_role("button", name="Keep my interviews on this device").click()
    expect(message(page)).to_contain_text("kept in this browser on this device")
    other = context.new_page()
    start(other, site_url)
    expect(other.locator("#planner-today")).to_be_visible()
    expect(other.locator("#planner-interviews")).to_contain_text("Acme")
    expect(other.locator("#planner-interviews")).to_contain_text("Birch")
    assert stored(other)["databases"] == ["follow-up"]


def test_old_remembered_details_are_moved_in(make_context: ContextMaker, site_url: str) -> None:
    """The old "Remember on this device" key becomes a kept interview, then goes."""
    context = make_context()
    old = {"version": 1, "input": {"interview_date": "2026-03-12", "company": "Acme",
                                    "interviewers": [{"name": "Dana Reyes"}]}}  # fmt: skip
    # Once, on the site's own pages (an init script also runs in blank frames).
    context.add_init_script(
        "if (location.protocol.startsWith('http') && !sessionStorage.getItem('seeded')) {"
        " sessionStorage.setItem('seeded', '1');"
        f" localStorage.setItem('follow-up:v1', {json.dumps(json.dumps(old))}); }}"
    )
    page = context.new_page()
    start(page, site_url)
    expect(page.locator("#planner-interviews")).to_contain_text("Acme", timeout=PYTHON_TIMEOUT)
    expect(page.locator(".planner-keeping-text")).to_contain_text("kept in this browser")
    found = stored(page)
    assert "follow-up:v1" not in found["local"]
    assert found["databases"] == ["follow-up"]


def test_back_from_a_guide_link_loses_nothing(page: Page, site_url: str) -> None:
    """Following an item's guide link and pressing Back brings back what was typed."""
    start(page, site_url)
    fill_interview(page, "2026-03-12", "Acme", "Dana Reyes")
    plan(page)
    page.get_by_label("Job you applied for").fill("Analyst")
    page.wait_for_timeout(600)  # the tab's copy is written once typing pauses
    item(page, "TY-EMAIL-1").get_by_role("link", name="Why:", exact=False).click()
    expect(page).to_have_url(re.compile(r"/guide/"))
    page.go_back()
    expect(page.locator("#company")).to_have_value("Acme", timeout=PYTHON_TIMEOUT)
    expect(page.get_by_label("Job you applied for")).to_have_value("Analyst")
    # Back on the same interview, its checklist on screen, and no second copy of it.
    expect(page.locator("#planner-interview")).to_be_visible()
    expect(item(page, "TY-EMAIL-1")).to_be_visible(timeout=PYTHON_TIMEOUT)
    expect(page.locator("#planner-switch option")).to_have_count(1)


def test_without_indexeddb_the_session_still_works(
    make_context: ContextMaker, site_url: str
) -> None:
    """Where IndexedDB is missing, the page says so, offers no keeping, and plans as usual."""
    context = make_context()
    context.add_init_script("Object.defineProperty(window, 'indexedDB', { value: undefined });")
    page = context.new_page()
    start(page, site_url)
    expect(page.locator(".planner-keeping-text")).to_contain_text("does not let the site keep")
    expect(page.get_by_role("button", name="Keep my interviews on this device")).to_be_hidden()
    fill_interview(page, "2026-03-12", "Acme", "Dana Reyes")
    plan(page)


def test_forget_everything_leaves_no_trace(make_context: ContextMaker, site_url: str) -> None:
    """After Forget everything, no storage of any kind holds the person's details."""
    context = make_context()
    page = context.new_page()
    start(page, site_url)
    fill_interview(page, "2026-03-12", "Zanzibar Shipping", "Dana Reyes")
    plan(page)
    page.get_by_role("button", name="Keep my interviews on this device").click()
    expect(message(page)).to_contain_text("kept in this browser")
    page.get_by_role("button", name="Forget everything").first.click()
    page.get_by_role("alertdialog").get_by_role("button", name="Forget everything").click()
    expect(message(page)).to_contain_text("removed")
    found = stored(page)
    assert found["databases"] == []
    assert "Zanzibar" not in json.dumps(found)


# ---------------------------------------------------------------- backups


def save_backup(page: Page, tmp_path: Path) -> Path:
    page.get_by_role("button", name="Today").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Save a backup (.json)").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    return target


def test_backup_restored_in_a_fresh_browser(
    make_context: ContextMaker, site_url: str, tmp_path: Path
) -> None:
    """The backup file is what the command line reads; restored elsewhere, it is the same."""
    first = make_context(accept_downloads=True).new_page()
    start(first, site_url)
    acme_and_birch(first)
    first.get_by_role("button", name="New interview").click()
    first.get_by_role("button", name="Today").click()
    backup = save_backup(first, tmp_path)
    data = json.loads(backup.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [entry["company"] for entry in data["interviews"]] == ["Acme", "Birch"]
    assert all(isinstance(entry["id"], str) for entry in data["interviews"])

    second = make_context(accept_downloads=True).new_page()
    start(second, site_url)
    second.get_by_role("button", name="Today").click()
    second.locator("#planner-restore-file").set_input_files(str(backup))
    second.get_by_role("button", name="Add them to mine").click()
    expect(second.locator("#planner-interviews")).to_contain_text("Birch")
    (tmp_path / "again").mkdir()
    again = json.loads(save_backup(second, tmp_path / "again").read_text(encoding="utf-8"))
    assert again == data


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("{ not json", "damaged"),
        (json.dumps({"version": 1, "items": [], "warnings": []}), "checklist"),
        (json.dumps({"version": 2, "interviews": []}), "version"),
    ],
)
def test_a_bad_backup_changes_nothing(
    page: Page, site_url: str, tmp_path: Path, content: str, said: str
) -> None:
    """A broken or foreign file is refused with a clear message; the interviews stay."""
    start(page, site_url)
    acme_and_birch(page)
    page.get_by_role("button", name="Today").click()
    bad = tmp_path / "backup.json"
    bad.write_text(content, encoding="utf-8")
    page.locator("#planner-restore-file").set_input_files(str(bad))
    expect(message(page)).to_contain_text("Nothing was changed")
    expect(message(page)).to_contain_text(said)
    expect(page.locator("#planner-interviews .planner-interview")).to_have_count(2)
