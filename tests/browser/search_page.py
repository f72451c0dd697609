#!/usr/bin/python3
"""Drives the search page in headless Chromium (Debian's chromium and
chromium-driver, with Debian's python3-selenium): loads it, searches, clicks a
facet, pages forward, uses the keyboard, opens an archive copy, checks the DOM
at each step, runs axe-core (scripts/setup installs it from npm) on every
state of the page, checks that CJK text is drawn with a font's glyphs, and
saves screenshots.  Run by tests/e2e/T320-browser.sh against lighttpd on
loopback.

    search_page.py BASE_URL SCREENSHOT_DIR
"""
import os
import sys

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

base, shots = sys.argv[1], sys.argv[2]
# With a third argument "partial", BASE serves an archive with a shard
# missing: only the page's word about it is checked.
partial_only = len(sys.argv) > 3 and sys.argv[3] == "partial"
os.makedirs(shots, exist_ok=True)
failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def shot(name):
    driver.save_screenshot(os.path.join(shots, name + ".png"))


# axe-core, the version tests/browser/axe-core.txt names, where scripts/setup
# put it (MORGUE_AXE_JS: elsewhere).
axe_spec = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "axe-core.txt")).read().strip()
axe_path = os.environ.get("MORGUE_AXE_JS") or os.path.join(
    os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "morgue", axe_spec,
    "node_modules", "axe-core", "axe.min.js")
if not os.path.exists(axe_path):
    print(f"FAIL  {axe_spec} is not installed at {axe_path}: run scripts/setup test")
    sys.exit(1)
axe_source = open(axe_path, encoding="utf-8").read()


def accessible(state):
    """axe-core on the page as it is now: no serious or critical violation."""
    driver.execute_script(axe_source)
    found = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ["violations"]})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,
                                                  where: v.nodes.map(n => n.target.join(" ")).slice(0, 3)}))))
          .catch(e => done([{id: "axe failed: " + e, impact: "critical", where: []}]));""")
    bad = [v for v in found if v["impact"] in ("serious", "critical")]
    check(not bad, f"axe, {state}: no serious or critical violation {bad}")


def drawn(text):
    """A screenshot of `text` drawn large in the page's own fonts."""
    span = driver.execute_script("""
        const s = document.createElement("span");
        s.style.fontSize = "48px"; s.style.display = "inline-block"; s.textContent = arguments[0];
        document.querySelector("main").prepend(s); return s;""", text)
    png = span.screenshot_as_png
    driver.execute_script("arguments[0].remove()", span)
    return png


def no_alert(what):
    try:
        driver.switch_to.alert.dismiss()
        check(False, what + ": no script ran (an alert opened)")
    except NoAlertPresentException:
        check(True, what + ": no script ran")


options = webdriver.ChromeOptions()
for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--window-size=1280,1000"):
    options.add_argument(arg)
options.binary_location = "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_script_timeout(120)
wait = WebDriverWait(driver, 10)
try:
    if partial_only:
        driver.get(base + "/search?q=trump")
        notes = [n for n in driver.find_elements(By.CSS_SELECTOR, "p.note[role=status]")
                 if "Part of the archive cannot be reached" in n.text]
        check(len(notes) == 1 and notes[0].is_displayed(), "a shard missing: the page says so")
        check(len(driver.find_elements(By.CSS_SELECTOR, "li.hit")) > 0,
              "a shard missing: the other shards' results")
        shot("8-partial")
        raise SystemExit(1 if failures else 0)
    # The front page: the newest articles, a search box with a label.
    driver.get(base + "/search")
    shot("1-front")
    accessible("the front page")
    box = driver.find_element(By.ID, "q")
    label = driver.find_element(By.CSS_SELECTOR, "label[for=q]")
    check(label.text == "Search the archive", "the search box has a label")
    check(driver.find_element(By.CSS_SELECTOR, "main").get_attribute("id") == "results",
          "a main landmark")
    # Columnist, topic, credit (the sample's AP and Reuters), year.
    check(len(driver.find_elements(By.CSS_SELECTOR, "aside section.facet:not(.dates)")) == 4,
          "four facets on the front page")
    check(len(driver.find_elements(By.CSS_SELECTOR, "aside section.dates input[type=month]")) == 2,
          "and a from/to form by month")

    # Keyboard: the first Tab reaches the skip link, Enter on it moves to the results.
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    check(active.get_attribute("class") == "skip", "Tab first reaches the skip link")

    # Search by typing and pressing Enter.
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys("trump" + Keys.ENTER)
    wait.until(EC.title_contains("trump"))
    shot("2-results")
    accessible("results")
    count = driver.find_element(By.ID, "count").text
    check(count.startswith("Results 1–10 of 52 "), f"result count shown: {count!r}")
    hits = driver.find_elements(By.CSS_SELECTOR, "li.hit")
    check(len(hits) == 10, f"ten results on the first page ({len(hits)})")
    check(len(driver.find_elements(By.CSS_SELECTOR, "li.hit mark")) > 5, "query words are marked")
    check(driver.find_element(By.ID, "q").get_attribute("value") == "trump", "the box keeps the query")

    # Click the top columnist in the sidebar.
    facet = driver.find_element(By.CSS_SELECTOR, "#facet-columnist ~ ul a")
    name = facet.find_element(By.CLASS_NAME, "name").text
    n = int(facet.find_element(By.CLASS_NAME, "n").text)
    facet.click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".selected .chip.on")))
    shot("3-facet")
    accessible("a filter chosen")
    check("columnist=" in driver.current_url, "the facet link adds a filter to the URL")
    count = driver.find_element(By.ID, "count").text
    check(f" of {n} (" in count, f"the facet's count is the new total ({n}: {count!r})")
    chosen = driver.find_element(By.CSS_SELECTOR, "#facet-columnist ~ ul a[aria-checked=true]")
    check(name in chosen.text, "the chosen value is marked pressed")
    metas = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "li.hit .meta")]
    check(all(name in m for m in metas), "every result is by that columnist")
    others = driver.find_elements(By.CSS_SELECTOR, "#facet-columnist ~ ul a[aria-checked=false]")
    check(len(others) > 0, "other columnists stay offered (multi-select)")

    # Page forward.
    driver.find_element(By.CSS_SELECTOR, 'a[rel="next"]').click()
    wait.until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "nav.pages [aria-current=page]"), "2"))
    shot("4-page-2")
    check(driver.find_element(By.CSS_SELECTOR, "ol.hits").get_attribute("start") == "11",
          "page 2 continues the ranks")
    check(len(driver.find_elements(By.CSS_SELECTOR, 'a[rel="prev"]')) == 1, "a link back")
    check(driver.find_element(By.ID, "count").text.split(" ")[1].startswith("11"),
          "page 2 says which results it shows")

    # Remove the filter with its chip.
    driver.find_element(By.CSS_SELECTOR, ".selected .chip.on").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "count"), "of 52 "))
    check(len(driver.find_elements(By.CSS_SELECTOR, ".selected")) == 0, "the chip removes the filter")

    # Sort by newest.
    driver.find_element(By.LINK_TEXT, "newest").click()
    wait.until(EC.presence_of_element_located(
        (By.XPATH, "//strong[@aria-current='true' and text()='newest']")))
    dates = [t.get_attribute("datetime") for t in driver.find_elements(By.CSS_SELECTOR, "li.hit time")]
    check(dates == sorted(dates, reverse=True) and len(dates) == 10, "newest first")

    # Facets: the hint, a year's months, more values, a from/to form.
    driver.get(base + "/search?q=trump")
    hint = driver.find_element(By.ID, "hint-columnist")
    check(hint.is_displayed() and "any of them" in hint.text, f"the facet says how it combines: {hint.text!r}")
    more = driver.find_elements(By.CSS_SELECTOR, "#facet-columnist ~ .more a")
    if more:
        more[0].click()
        wait.until(EC.presence_of_element_located((By.LINK_TEXT, "Fewer")))
        check(len(driver.find_elements(By.CSS_SELECTOR, "#facet-columnist ~ ul a")) > 10,
              "more… shows more columnists")
    year = driver.find_element(By.CSS_SELECTOR, "#facet-year ~ ul a")
    year_value = year.find_element(By.CLASS_NAME, "name").text
    year.click()
    wait.until(EC.presence_of_element_located((By.ID, "facet-month")))
    months = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#facet-month ~ ul .name")]
    check(months and all(m.endswith(" " + year_value) for m in months),
          f"a chosen year drills into its months: {months}")
    shot("9-months")
    driver.execute_script("document.getElementById('since').value = '2019-01';"
                          "document.getElementById('until').value = '2020-06';")
    driver.find_element(By.CSS_SELECTOR, ".dates button").click()
    wait.until(EC.url_contains("until=2020-06"))
    check("since=2019-01" in driver.current_url and "q=trump" in driver.current_url,
          "the date form sets from and to, and keeps the search")
    chips = [c.text for c in driver.find_elements(By.CSS_SELECTOR, ".selected .chip.on")]
    check(any("2019-01" in c for c in chips) and any("2020-06" in c for c in chips),
          f"the dates are chips: {chips}")

    # Did you mean, and the empty page.
    driver.get(base + "/search?q=zzqxj")
    check("No articles match" in driver.find_element(By.CSS_SELECTOR, "section.empty").text,
          "no results: the page says so")
    shot("13-no-results")
    accessible("no results")
    driver.get(base + "/search?q=x&sort=best")
    check(driver.find_element(By.CSS_SELECTOR, "p.error").is_displayed(), "a bad request: the error shown")
    accessible("an error")
    shot("11-error")
    driver.get(base + "/search?q=trunp")
    link = driver.find_element(By.PARTIAL_LINK_TEXT, "trump")
    check("Did you mean" in driver.find_element(By.CSS_SELECTOR, "section.empty").text,
          "the empty page suggests a spelling")
    link.click()
    wait.until(EC.title_contains("trump"))
    check(" of 52 " in driver.find_element(By.ID, "count").text, "the suggestion searches")
    shot("5-suggestion")

    # The archive's own copy of a result, and articles like it.
    driver.get(base + "/search?q=trump")
    first = driver.find_element(By.CSS_SELECTOR, "li.hit h2").text
    driver.find_element(By.CSS_SELECTOR, "li.hit a.copy").click()
    wait.until(EC.presence_of_element_located((By.ID, "copy-title")))
    shot("10-copy")
    check(driver.find_element(By.ID, "copy-title").text == first, f"the copy is of the result: {first!r}")
    check(len(driver.find_elements(By.CSS_SELECTOR, ".copy mark")) > 0, "the query's words are marked in it")
    facts = driver.find_element(By.CSS_SELECTOR, ".copy .facts").text
    check("Captured" in facts and "Original" in facts, f"when it was captured, and the original: {facts!r}")
    accessible("an archive copy")
    driver.find_element(By.LINK_TEXT, "More like this").click()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "p.like")))
    titles = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "li.hit h2")]
    check(titles and first not in titles, "more like this: other articles")
    driver.back()
    driver.find_element(By.LINK_TEXT, "← Back to the results").click()
    wait.until(EC.presence_of_element_located((By.ID, "count")))
    check(driver.find_element(By.CSS_SELECTOR, "li.hit h2").text == first, "back to the same results")

    # Hostile articles and a hostile query: shown as text, nothing runs.
    driver.get(base + "/search?q=budget")
    no_alert("indexed payloads")
    check(not driver.find_elements(By.CSS_SELECTOR, "main script, main img, main svg, main iframe"),
          "no element from indexed payloads")
    titles = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "li.hit h2")]
    check(any('<script>alert("title")</script>' in t for t in titles),
          f"the payload is visible as text: {titles}")
    shot("6-hostile")
    accessible("hostile articles")
    driver.get(base + '/search?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E%3Cimg%20src=x%20onerror=alert(2)%3E')
    no_alert("query payload")
    check(not driver.find_elements(By.CSS_SELECTOR, "script, img"), "no element from the query")

    # CJK text is drawn with a font's glyphs (Debian's fonts-noto-cjk), not
    # the boxes of a missing one, which are the same for every character.
    check(drawn("蔡英文") != drawn("東京都"), "CJK text is drawn in glyphs, not boxes")
    check(drawn("蔡英文") == drawn("蔡英文"), "(the same text is drawn the same)")

    # A phone: no sideways scrolling; the filters, folded, before the results.
    driver.set_window_size(390, 844)
    driver.get(base + "/search?q=trump&topic=Politics")
    wide = driver.execute_script(
        "return document.documentElement.scrollWidth > window.innerWidth")
    check(not wide, "no horizontal scrolling on a phone-sized screen")
    toggle = driver.find_element(By.CSS_SELECTOR, "label.show-filters")
    main_y = driver.find_element(By.TAG_NAME, "main").location["y"]
    check(toggle.is_displayed() and toggle.location["y"] < main_y,
          "on a phone the filters come first, folded")
    check("1 chosen" in toggle.text, f"and say how many are chosen: {toggle.text!r}")
    check(not driver.find_element(By.TAG_NAME, "aside").is_displayed(), "folded until asked for")
    shot("7-phone")
    accessible("a phone")
    driver.find_element(By.ID, "show-filters").send_keys(Keys.SPACE)  # the keyboard opens them
    aside = driver.find_element(By.TAG_NAME, "aside")
    check(aside.is_displayed() and aside.location["y"] < driver.find_element(By.TAG_NAME, "main").location["y"],
          "opened, the filters are above the results")
    shot("12-phone-filters")
    accessible("a phone, filters open")
    toggle.click()
    check(not aside.is_displayed(), "and fold again")
finally:
    driver.quit()

print(f"{len(failures)} failed; screenshots in {shots}")
sys.exit(1 if failures else 0)
