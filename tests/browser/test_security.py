"""The security policy in real Chromium, storage left empty, and Lighthouse's security audits.

The pages carry their policy in a meta tag and the host sends it as a header
too (as `make serve` does, from site/_headers): both are enforced, and the
header's reaches the planner's worker, where Pyodide runs.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, Route, Worker, expect

from tests.browser.conftest import CHROMIUM_FLAGS, Guard, chromium_path
from tests.browser.test_foundation import PYTHON_TIMEOUT
from tests.browser.test_offline import COUNT_VIOLATIONS, every_page
from tests.support.paths import ROOT

REFUSED = "violates the following Content Security Policy directive"
#: Prepended to the planner's worker: it records the worker's own policy violations.
WORKER_RECORDER = (
    "self.violations = [];\n"
    'self.addEventListener("securitypolicyviolation", (event) => {\n'
    "  self.violations.push(`${event.violatedDirective} ${event.blockedURI}`);\n"
    "});\n"
)
#: Lighthouse's one remark on the policy: it suggests 'unsafe-inline' for browsers older
#: than hashes (2015), which the hashes make newer browsers ignore. The issue forbids it.
LIGHTHOUSE_ALLOWED = ("Consider adding `'unsafe-inline'` (ignored by browsers supporting",)


def count_violations(context: BrowserContext) -> list[str]:
    violations: list[str] = []
    context.expose_binding("reportViolation", lambda _source, text: violations.append(text))
    context.add_init_script(COUNT_VIOLATIONS)
    return violations


def planner_worker(page: Page) -> Worker:
    [worker] = [w for w in page.workers if "/assets/planner/" in w.url]
    return worker


def test_an_injected_script_is_refused(
    page: Page, site_url: str, guard: Guard, site_context: BrowserContext
) -> None:
    """An inline script, an inline handler and a string of code are refused; none runs."""
    guard.allowed_errors.append(REFUSED)
    violations = count_violations(site_context)
    page.goto(site_url + "planner/")
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.injected = true";
          document.body.append(script);
          const div = document.createElement("div");
          div.setAttribute("onclick", "window.handled = true");
          document.body.append(div);
          div.click();
          setTimeout("window.evaluated = true", 0);
        }"""
    )
    expect(page.locator("html")).to_have_attribute(
        "data-planner-ready", "true", timeout=PYTHON_TIMEOUT
    )
    ran = page.evaluate("[window.injected, window.handled, window.evaluated]")
    assert ran == [None, None, None]
    kinds = {violation.split()[0] for violation in violations}
    assert {"script-src-elem", "script-src-attr", "script-src"} <= kinds


def test_python_runs_under_the_policy_without_a_violation(
    page: Page, site_url: str, guard: Guard, site_context: BrowserContext
) -> None:
    """Pyodide loads and plans in its worker under the header's policy: zero violations."""
    guard.allowed_errors.append(REFUSED)
    violations = count_violations(site_context)

    def recorded(route: Route) -> None:
        response = route.fetch(headers={**route.request.headers, "accept-encoding": "identity"})
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        assert "wasm-unsafe-eval" in headers["content-security-policy"]
        route.fulfill(
            status=response.status, headers=headers, body=WORKER_RECORDER + response.text()
        )

    site_context.route("**/assets/planner/*/worker.js", recorded)
    page.goto(site_url + "planner/")
    page.get_by_role("button", name="Try an example").click()
    expect(page.locator('#planner-result [data-key="CHECKIN-MAIN"]')).to_be_visible(
        timeout=PYTHON_TIMEOUT
    )
    worker = planner_worker(page)
    assert worker.evaluate("self.violations") == []
    assert violations == []
    # The recorder works, and the policy is the worker's own: a string of code is refused.
    worker.evaluate("setTimeout('self.evaluated = true', 0)")
    worker.evaluate("self.timerDone = new Promise((done) => setTimeout(done, 0))")
    worker.evaluate("self.timerDone")  # the refused timer's turn has passed
    assert worker.evaluate("[self.evaluated, self.violations.length]") == [None, 1]


def storage(page: Page) -> list[list[str]]:
    keys: list[list[str]] = page.evaluate(
        "[Object.keys(localStorage), Object.keys(sessionStorage)]"
    )
    return keys


def test_no_page_stores_anything_until_the_person_chooses(
    page: Page, site_url: str, site_context: BrowserContext, built_site: Path
) -> None:
    """Every page, the planner with Python loaded included, leaves both storages empty."""
    violations = count_violations(site_context)
    pages = every_page(built_site)
    assert len(pages) >= 15 and "" in pages and "planner/" in pages
    for path in pages:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        if path == "planner/":
            expect(page.locator("html")).to_have_attribute(
                "data-planner-ready", "true", timeout=PYTHON_TIMEOUT
            )
        # Scroll down and back: the theme's header, contents and back-to-top button react.
        page.mouse.wheel(0, 3000)
        page.mouse.wheel(0, -1500)
        assert storage(page) == [[], []], path
    # A colour scheme the person picks is kept, and followed on the next page.
    page.locator("label[for='__palette_1']").first.click()
    page.wait_for_function(
        "() => Object.keys(localStorage).some((key) => key.endsWith('.__palette'))"
    )
    page.goto(site_url + "guide/same-day/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert violations == []  # the theme's styles and scripts all pass the policy


def test_lighthouse_finds_no_security_problem(site_url: str, tmp_path: Path) -> None:
    """Lighthouse's trust-and-safety audits pass on the planner, its policy remark aside."""
    chrome = chromium_path()
    assert chrome, "Lighthouse needs a Chromium (FOLLOWUP_CHROMIUM or /usr/bin/chromium)"
    report = tmp_path / "lighthouse.json"
    flags = " ".join(["--headless=new", *CHROMIUM_FLAGS])
    subprocess.run(
        [
            str(ROOT / "node_modules" / ".bin" / "lighthouse"),
            site_url + "planner/",
            "--only-categories=best-practices",
            "--output=json",
            f"--output-path={report}",
            "--quiet",
            f"--chrome-flags={flags}",
        ],
        env={**os.environ, "CHROME_PATH": chrome},
        check=True,
        timeout=300,
    )
    result = json.loads(report.read_text(encoding="utf-8"))
    audits = result["audits"]
    refs = result["categories"]["best-practices"]["auditRefs"]
    trust = [ref["id"] for ref in refs if ref.get("group") == "best-practices-trust-safety"]
    assert "csp-xss" in trust and "is-on-https" in trust
    for name in trust:
        audit = audits[name]
        assert audit["scoreDisplayMode"] == "notApplicable" or audit["score"] == 1, name
    remarks = [item["description"] for item in audits["csp-xss"]["details"]["items"]]
    print(f"\nLighthouse {result['lighthouseVersion']} csp-xss remarks: {remarks}")
    assert all(remark.startswith(LIGHTHOUSE_ALLOWED) for remark in remarks), remarks
    for name in ("inspector-issues", "errors-in-console"):
        assert audits[name]["score"] == 1, (name, audits[name].get("details"))
