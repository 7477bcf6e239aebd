"""The planner page, part 2: print, calendar, copy, save/load, share link, storage, example.

Everything runs in real Chromium against the built site. Every context here is
guarded like the shared ``page`` fixture: a request to another origin or a
console error fails the test. No assertion is about time: waits are generous
ceilings (Python takes several seconds to start), never speed checks.
"""

from __future__ import annotations

import base64
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import icalendar
import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from planner import ics, validate
from tests.browser.conftest import ContextMaker

PYTHON_TIMEOUT = 90_000  # a ceiling for a slow machine, not a speed check
ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "tests" / "results"

#: A typical plan: two interviewers, a known decision date, a traditional company.
TYPICAL: dict[str, Any] = {
    "interview_date": "2026-12-03",
    "company": "Acme Freight",
    "role": "Logistics Coordinator",
    "interviewers": [
        {
            "name": "Dana Reyes",
            "title": "Head of Operations",
            "email": "dana.reyes@acme.example",
            "phone": "+44 20 7946 0000",
            "is_decision_maker": True,
        },
        {"name": "Sam Okafor", "title": "Team Lead", "email": "sam.okafor@acme.example"},
    ],
    "company_style": "traditional",
    "decision_date": "2026-12-17",
}


# ---------------------------------------------------------------- fixtures and helpers


@pytest.fixture
def clipboard_page(make_context: ContextMaker) -> Page:
    """A guarded page that may read and write the clipboard."""
    return make_context(permissions=["clipboard-read", "clipboard-write"]).new_page()


def fragment(details: Any) -> str:
    """The share-link fragment for some details (the page's own format, v1)."""
    data = json.dumps(details).encode("utf-8")
    return "plan=v1." + base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def open_shared(page: Page, site_url: str, details: dict[str, Any]) -> None:
    """Open the planner with details in the fragment and wait for their checklist.

    The page's clock is the interview's day, so that nothing is overdue yet.
    """
    page.clock.set_fixed_time(f"{details['interview_date']}T12:00:00")
    page.goto(f"{site_url}planner/#{fragment(details)}")
    expect(page.locator('#planner-result [data-key="TY-EMAIL-1"]')).to_be_visible(
        timeout=PYTHON_TIMEOUT
    )


def checklist(page: Page) -> list[tuple[str, str]]:
    """The checklist on screen: each item's key and visible text, in order."""
    items = page.locator("#planner-result .planner-item")
    return [
        (items.nth(i).get_attribute("data-key") or "", items.nth(i).inner_text())
        for i in range(items.count())
    ]


def page_today(page: Page) -> str:
    """The page's own 'today' (the browser's local date), as the planner uses it."""
    return str(page.evaluate("window.followUpTest.today()"))


def cli(details: Any, fmt: str, today: str, tmp_path: Path) -> str:
    """Run ``python -m planner plan FILE --format FMT --today TODAY`` and return its output."""
    source = tmp_path / f"cli-input-{fmt}.json"
    source.write_text(json.dumps(details), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "planner", "plan", str(source), "--format", fmt, "--today", today],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def storage_keys(page: Page) -> dict[str, list[str]]:
    return {
        "local": page.evaluate("Object.keys(localStorage)"),
        "session": page.evaluate("Object.keys(sessionStorage)"),
    }


def assert_nothing_stored(page: Page) -> None:
    assert storage_keys(page) == {"local": [], "session": []}


def assert_only_the_tab_copy(page: Page) -> None:
    """Nothing on the device: at most this tab's own copy, which goes with the tab."""
    keys = storage_keys(page)
    assert keys["local"] == [] and set(keys["session"]) <= {"follow-up:session"}, keys


def planned_interview(page: Page) -> Any:
    """The interview as the page planned it (with the id the page gave it)."""
    details = page.evaluate("window.followUpTest.state.get().planned.details")
    interview = validate.parse_input(details, None)
    assert not isinstance(interview, list)
    return interview


def tools_message(page: Page) -> Any:
    return page.locator("#planner-tools .planner-extras-message")


def storage_message(page: Page) -> Any:
    return page.locator("#planner-storage .planner-extras-message")


def wait_for_planned(page: Page, field: str, value: str) -> None:
    """Wait until the last successful plan was made from details with field = value."""
    page.wait_for_function(
        "([field, value]) => { const planned = window.followUpTest.state.get().planned;"
        " return !!planned && planned.details[field] === value; }",
        arg=[field, value],
        timeout=PYTHON_TIMEOUT,
    )


# ---------------------------------------------------------------- print


def test_print_button_calls_window_print(page: Page, site_url: str) -> None:
    """The Print checklist button asks the browser to print (print itself is stubbed)."""
    open_shared(page, site_url, TYPICAL)
    page.evaluate(
        "() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; }"
    )
    page.get_by_role("button", name="Print checklist").click()
    assert page.evaluate("window.__printed") == 1


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printed_checklist_fits_one_page(page: Page, site_url: str, paper: str) -> None:
    """A typical plan prints on one page, A4 or Letter, with its names and dates; no form."""
    page.emulate_media(color_scheme="dark")
    open_shared(page, site_url, TYPICAL)
    page.emulate_media(media="print", color_scheme="dark")
    pdf = page.pdf(format=paper, prefer_css_page_size=False, print_background=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"checklist-{paper}.pdf").write_bytes(pdf)

    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join((p.extract_text() or "") for p in reader.pages)
    print(f"\n{paper}: {len(reader.pages)} page(s)")
    assert len(reader.pages) == 1, f"{paper}: {len(reader.pages)} pages"
    for expected in (
        "Logistics Coordinator",
        "Acme Freight",
        "Thursday, 3 December 2026",  # the interview date (heading and first day)
        "Friday, 18 December 2026",  # the check-in day after the decision date
        "Dana Reyes",
        "Sam Okafor",
        "by email",
        "by phone",
    ):
        flat = " ".join(text.split()).casefold()
        assert expected.casefold() in flat, f"{expected!r} missing from the {paper} PDF"
    for absent in (
        "Plan my follow-up",  # the form
        "Your interview",
        "Print checklist",  # the tools
        "Remember on this device",
        "Privacy",  # the navigation
        "The guide",
        "Draft email",  # drafts stay on screen
    ):
        assert absent not in text, f"{absent!r} printed on {paper}"


def test_print_is_black_on_white_in_dark_mode(page: Page, site_url: str) -> None:
    """With the dark scheme on screen, print media shows black text on white, checklist only."""
    page.emulate_media(color_scheme="dark")
    open_shared(page, site_url, TYPICAL)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.emulate_media(media="print", color_scheme="dark")
    style = page.evaluate(
        """() => {
          const css = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
          return {
            body: css("body", "backgroundColor"),
            title: css("#planner-result .planner-item-title", "color"),
            day: css("#planner-result section.planner-day h3", "color"),
            heading: css(".planner-print-heading", "display"),
            form: css("#planner-form", "display"),
            header: css(".md-header", "display"),
            tools: css(".planner-tool-buttons", "display"),
            box: getComputedStyle(
              document.querySelector("#planner-result .planner-item"), "::before"
            ).borderTopStyle,
          };
        }"""
    )
    assert style == {
        "body": "rgb(255, 255, 255)",
        "title": "rgb(0, 0, 0)",
        "day": "rgb(0, 0, 0)",
        "heading": "block",
        "form": "none",
        "header": "none",
        "tools": "none",
        "box": "solid",
    }


# ---------------------------------------------------------------- calendar


def download_ics(page: Page, tmp_path: Path, name: str) -> tuple[str, icalendar.Calendar]:
    with page.expect_download(timeout=PYTHON_TIMEOUT) as info:
        page.get_by_role("button", name="Download calendar (.ics)").click()
    download = info.value
    target = tmp_path / name
    download.save_as(target)
    return download.suggested_filename, icalendar.Calendar.from_ical(target.read_bytes())


def test_calendar_download_has_one_event_per_item_and_stable_uids(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    """The .ics parses, has one event per dated item, and a re-plan keeps every UID."""
    open_shared(page, site_url, TYPICAL)
    today = page_today(page)
    plan = json.loads(cli(TYPICAL, "json", today, tmp_path))
    filename, calendar = download_ics(page, tmp_path, "first.ics")
    assert filename == "follow-up-acme-freight-2026-12-03.ics"

    interview = planned_interview(page)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == len(plan["items"])
    for item in plan["items"]:
        event = events[ics.event_uid(interview, item["key"])]
        assert event.decoded("DTSTART").isoformat() == item["due"]
        assert str(event["SUMMARY"]) == item["title"]

    # Re-plan: a later decision date moves the main check-in, under the same UID.
    page.locator("#decision-date").fill("2026-12-31")
    page.get_by_role("button", name="Plan my follow-up").click()
    wait_for_planned(page, "decision_date", "2026-12-31")
    replanned = json.loads(cli({**TYPICAL, "decision_date": "2026-12-31"}, "json", today, tmp_path))
    _, calendar2 = download_ics(page, tmp_path, "second.ics")
    events2 = {str(e["UID"]): e for e in calendar2.walk("VEVENT")}
    assert len(events2) == len(replanned["items"])
    uid = ics.event_uid(interview, "CHECKIN-MAIN")
    assert uid in events and uid in events2
    assert events[uid].decoded("DTSTART") != events2[uid].decoded("DTSTART")
    first_keys = {item["key"] for item in plan["items"]}
    for item in replanned["items"]:
        if item["key"] in first_keys:
            assert ics.event_uid(interview, item["key"]) in events


# ---------------------------------------------------------------- copy


def test_copy_markdown_and_text_are_the_engines(
    clipboard_page: Page, site_url: str, tmp_path: Path
) -> None:
    """Copy as Markdown / plain text puts exactly the command line's renderings on the clipboard."""
    page = clipboard_page
    open_shared(page, site_url, TYPICAL)
    today = page_today(page)
    for label, fmt, name in (
        ("Copy as Markdown", "md", "Markdown"),
        ("Copy as plain text", "text", "plain text"),
    ):
        page.evaluate("navigator.clipboard.writeText('')")
        page.get_by_role("button", name=label).click()
        # Wait for this copy's own message: the previous one also says "copied".
        expect(tools_message(page)).to_contain_text(f"copied as {name}", timeout=PYTHON_TIMEOUT)
        copied = page.evaluate("navigator.clipboard.readText()")
        details = page.evaluate("window.followUpTest.state.get().planned.details")
        assert copied == cli(details, fmt, today, tmp_path)
    assert_only_the_tab_copy(page)


# ---------------------------------------------------------------- save and load


def test_saved_details_are_the_engine_input_and_load_back(
    make_context: ContextMaker, site_url: str, tmp_path: Path
) -> None:
    """Save details writes the engine's input; the CLI plans it alike; loading it restores it."""
    page = make_context().new_page()
    open_shared(page, site_url, TYPICAL)
    original = checklist(page)
    today = page_today(page)
    with page.expect_download(timeout=PYTHON_TIMEOUT) as info:
        page.get_by_role("button", name="Save details (.json)").click()
    saved = tmp_path / info.value.suggested_filename
    info.value.save_as(saved)
    assert saved.name == "follow-up-acme-freight-2026-12-03-details.json"
    written = json.loads(saved.read_text(encoding="utf-8"))
    assert isinstance(
        written.pop("id"), str
    )  # the interview's own id: reloading it twice adds it once
    assert written == TYPICAL

    planned = json.loads(
        cli(json.loads(saved.read_text(encoding="utf-8")), "json", today, tmp_path)
    )
    assert [item["key"] for item in planned["items"]] == [key for key, _ in original]
    assert planned == page.evaluate("window.followUpTest.state.get().planned.plan")

    fresh = make_context().new_page()
    fresh.clock.set_fixed_time("2026-12-03T12:00:00")
    fresh.goto(site_url + "planner/")
    with fresh.expect_file_chooser() as chooser:
        fresh.get_by_role("button", name="Load saved details").click()
    chooser.value.set_files(saved)
    expect(fresh.locator('#planner-result [data-key="TY-EMAIL-2"]')).to_be_visible(
        timeout=PYTHON_TIMEOUT
    )
    expect(storage_message(fresh)).to_contain_text("Loaded the details")
    assert checklist(fresh) == original
    assert_only_the_tab_copy(fresh)


def test_an_unknown_company_style_loads_as_i_dont_know(page: Page, site_url: str) -> None:
    """Saved "other_or_unknown" shows as the form's "I don't know", not as a raw option."""
    open_shared(page, site_url, {**TYPICAL, "company_style": "other_or_unknown"})
    style = page.locator("#company-style")
    expect(style).to_have_value("")
    expect(style.locator("option")).to_have_count(3)
    expect(style.locator("option:checked")).to_have_text("I don't know")
    assert "company_style" not in page.evaluate("window.followUpTest.details()")


def test_broken_or_foreign_file_is_refused_and_changes_nothing(
    page: Page, site_url: str, tmp_path: Path
) -> None:
    """A damaged, a foreign or an unplannable file gets a message, and nothing changes."""
    open_shared(page, site_url, TYPICAL)
    before = checklist(page)
    company = page.locator("#company").input_value()
    cases = {
        "broken.json": ('{"interview_date": "2026-12-03", "interv', "damaged"),
        "plan.json": (json.dumps({"version": 1, "items": [], "warnings": []}), "checklist"),
        "photo.json": ("\x89PNG not json at all", "damaged"),
        "list.json": ("[1, 2, 3]", "not saved interview details"),
        "bad-dates.json": (
            json.dumps({**TYPICAL, "decision_date": "2026-11-01", "company": "Other"}),
            "can't be planned",
        ),
    }
    for name, (content, says) in cases.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        page.locator("#planner-load-file").set_input_files(path)
        expect(storage_message(page)).to_contain_text(says, timeout=PYTHON_TIMEOUT)
        expect(storage_message(page)).to_contain_text("Nothing was changed")
        assert page.locator("#company").input_value() == company
        assert checklist(page) == before


# ---------------------------------------------------------------- share link


def test_share_link_restores_the_same_checklist_in_a_new_context(
    make_context: ContextMaker, site_url: str
) -> None:
    """The copied link keeps the details in the fragment only and restores them elsewhere."""
    page = make_context(permissions=["clipboard-read", "clipboard-write"]).new_page()
    page.goto(site_url + "planner/")
    page.get_by_role("button", name="Try an example").click()
    expect(page.locator('#planner-result [data-key="TY-EMAIL-2"]')).to_be_visible(
        timeout=PYTHON_TIMEOUT
    )
    original = checklist(page)
    page.get_by_role("button", name="Copy share link").click()
    expect(tools_message(page)).to_contain_text("share link is copied")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link.startswith(site_url + "planner/#plan=v1.")
    assert "?" not in link

    other = make_context().new_page()
    requested: list[str] = []
    other.on("request", lambda request: requested.append(request.url))
    other.goto(link)
    expect(other.locator('#planner-result [data-key="TY-EMAIL-2"]')).to_be_visible(
        timeout=PYTHON_TIMEOUT
    )
    assert checklist(other) == original
    assert other.locator("#company").input_value() == "Northwind Logistics"
    assert "#" not in other.url, "the details stay in the address bar"
    assert not [url for url in requested if "plan=" in url], "the fragment was sent"
    assert_only_the_tab_copy(other)


@pytest.mark.parametrize(
    ("hash_", "says"),
    [
        ("plan=v1.!!not-base64!!", "damaged or incomplete"),
        ("plan=v1.eyJpbnRlcnZpZXdfZGF0ZSI6", "damaged or incomplete"),  # cut short
        ("plan=v7.e30", "different version"),
        ("plan=" + fragment({"interview_date": "someday"})[5:], "can't use"),
    ],
)
def test_broken_or_outdated_share_link_opens_an_empty_form(
    page: Page, site_url: str, hash_: str, says: str
) -> None:
    """A link whose fragment is damaged, from another version, or unplannable says so."""
    page.goto(f"{site_url}planner/#{hash_}")
    expect(storage_message(page)).to_contain_text(says, timeout=PYTHON_TIMEOUT)
    expect(storage_message(page)).to_contain_text("empty form" if says == "can't use" else "empty")
    assert page.locator("#interview-date").input_value() == ""
    assert page.locator("#company").input_value() == ""
    expect(page.locator("#planner-result .planner-item")).to_have_count(0)
    assert_nothing_stored(page)


# ---------------------------------------------------------------- nothing kept unasked

KEPT = """async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes("follow-up")) return null;
    const db = await new Promise((ok, no) => {
        const open = indexedDB.open("follow-up");
        open.onsuccess = () => ok(open.result);
        open.onerror = () => no(open.error);
    });
    const all = await new Promise((ok, no) => {
        const get = db.transaction("interviews").objectStore("interviews").getAll();
        get.onsuccess = () => ok(get.result);
        get.onerror = () => no(get.error);
    });
    db.close();
    return all;
}"""


def kept_interviews(page: Page) -> Any:
    """The interviews kept in IndexedDB, or None when nothing is kept."""
    return page.evaluate(KEPT)


def forget_everything(page: Page) -> None:
    page.get_by_role("button", name="Forget everything").first.click()
    page.get_by_role("alertdialog").get_by_role("button", name="Forget everything").click()
    expect(page.locator(".planner-tracker-message")).to_contain_text("removed")


def test_forget_also_removes_the_theme_palette_choice(page: Page, site_url: str) -> None:
    """A colour scheme picked with the theme's toggle is stored by the theme; Forget removes it."""
    page.goto(site_url + "planner/")
    page.locator("label[for='__palette_1']").first.click()
    page.wait_for_function(
        "() => Object.keys(localStorage).some((key) => key.includes('__palette'))",
        timeout=PYTHON_TIMEOUT,
    )
    forget_everything(page)
    assert_nothing_stored(page)


def test_nothing_is_stored_from_the_untouched_example(
    clipboard_page: Page, site_url: str, tmp_path: Path
) -> None:
    """The example and every tool: localStorage and sessionStorage stay empty, IndexedDB unmade."""
    page = clipboard_page
    page.goto(site_url + "planner/")
    expect(page.locator("html")).to_have_attribute(
        "data-planner-ready", "true", timeout=PYTHON_TIMEOUT
    )
    assert_nothing_stored(page)
    page.get_by_role("button", name="Try an example").click()
    expect(page.locator('#planner-result [data-key="CHECKIN-MAIN"]')).to_be_visible(
        timeout=PYTHON_TIMEOUT
    )
    page.evaluate("() => { window.print = () => {}; }")
    page.get_by_role("button", name="Print checklist").click()
    with page.expect_download(timeout=PYTHON_TIMEOUT):
        page.get_by_role("button", name="Download calendar (.ics)").click()
    with page.expect_download(timeout=PYTHON_TIMEOUT):
        page.get_by_role("button", name="Save details (.json)").click()
    page.get_by_role("button", name="Copy as Markdown").click()
    page.get_by_role("button", name="Copy share link").click()
    expect(tools_message(page)).to_contain_text("share link is copied", timeout=PYTHON_TIMEOUT)
    assert_nothing_stored(page)
    assert kept_interviews(page) is None


# ---------------------------------------------------------------- example and no script


def test_example_fills_a_realistic_plan(page: Page, site_url: str) -> None:
    """Try an example: two interviewers, a decision date, a full checklist around today."""
    page.goto(site_url + "planner/")
    page.get_by_role("button", name="Try an example").click()
    expect(page.locator('#planner-result [data-key="CHECKIN-MAIN"]')).to_be_visible(
        timeout=PYTHON_TIMEOUT
    )
    keys = [key for key, _ in checklist(page)]
    assert {"TY-EMAIL-1", "TY-EMAIL-2", "TY-NOTE-1", "KEEP-SEARCHING"} <= set(keys)
    expect(page.locator("#planner-result")).to_contain_text("Priya Raman")
    expect(page.locator("#planner-result")).to_contain_text("Tom Becker")
    assert page.locator("#decision-date").input_value() != ""


def test_without_javascript_the_page_points_to_the_guide_and_command_line(
    make_context: ContextMaker, site_url: str
) -> None:
    """With scripts off, the noscript message links the guide and names the command line."""
    page = make_context(java_script_enabled=False).new_page()
    page.goto(site_url + "planner/")
    message = page.locator(".planner-noscript")
    expect(message).to_be_visible()
    expect(message).to_contain_text("python -m planner plan")
    expect(message.get_by_role("link", name="guide")).to_be_visible()


def test_example_never_replaces_typed_details_and_is_kept_only_once_edited(
    page: Page, site_url: str
) -> None:
    """With an interview typed and kept, the example opens beside it, and is kept once edited."""
    page.goto(site_url + "planner/")
    page.get_by_label("Interview date").fill("2026-12-03")
    page.locator("#interviewers-0-name").fill("Dana Reyes")
    page.get_by_role("button", name="Keep my interviews on this device").click()
    expect(page.locator(".planner-tracker-message")).to_contain_text("kept in this browser")

    page.get_by_role("button", name="Try an example").click()
    expect(storage_message(page)).to_contain_text("opens as a new interview")
    expect(page.locator("#interviewers-0-name")).to_have_value("Priya Raman")
    expect(page.locator('#planner-result [data-key="TY-EMAIL-2"]')).to_be_visible(
        timeout=PYTHON_TIMEOUT
    )
    page.wait_for_timeout(800)  # saves wait for a pause: give one the chance to happen
    kept = kept_interviews(page)
    assert [entry["interviewers"][0]["name"] for entry in kept] == ["Dana Reyes"]
    switch = page.get_by_label("Interview", exact=True)
    expect(switch.locator("option")).to_have_count(2)

    # Once the person edits the example, it is theirs and is kept.
    page.locator("#role").fill("Senior Operations Analyst")
    page.wait_for_function(
        f"async () => {{ const all = await ({KEPT})();"
        " return all.some((entry) => entry.role === 'Senior Operations Analyst'); }",
        timeout=PYTHON_TIMEOUT,
    )


# ---------------------------------------------------------------- one implementation each

#: Every module of the page, as the repository holds them (the site serves each one).
MODULES = sorted(path.stem for path in (ROOT / "docs" / "assets" / "planner").glob("*.js"))


def test_each_helper_is_written_once_and_imported(page: Page, site_url: str) -> None:
    """el, formatDay, addDays and copyText live in one module each; the others import them."""
    page.goto(site_url + "planner/")
    sources: dict[str, str] = page.evaluate(
        """async (names) => {
            const out = {};
            const worker = document.getElementById("planner-assets").dataset.worker;
            const base = new URL(".", new URL(worker, document.baseURI));
            for (const name of names) {
                const response = await fetch(new URL(`${name}.js`, base));
                out[name] = await response.text();
            }
            return out;
        }""",
        MODULES,
    )
    pattern = re.compile(r"^(?:export )?(?:async )?function (\w+)\s*\(", re.M)
    defined: dict[str, list[str]] = {}
    for module, text in sources.items():
        for name in pattern.findall(text):
            defined.setdefault(name, []).append(module)
    twice = {name: modules for name, modules in defined.items() if len(modules) > 1}
    assert twice == {}, twice
    for name, home in (("el", "dom"), ("formatDay", "dates"), ("addDays", "dates"),
                       ("copyText", "clipboard")):  # fmt: skip
        assert defined.get(name) == [home], (name, defined.get(name))
    imports_copy = r"import \{[^}]*\bcopyText\b[^}]*\} from \"\./clipboard\.js\""
    assert re.search(imports_copy, sources["drafts"])
