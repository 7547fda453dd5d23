"""Clicks through the steward's workspace in headless Chromium, as a steward would: open the
workspace, open the conflicts, filter the open ones, open the first, choose the first decision,
write why, save; then see besluiten.yml changed, the check after it finished, and one open
conflict fewer on the page.

    werkplaats_e2e.py BASE_URL BESLUITEN_YML [SCREENSHOT_FOLDER]

Prints one line per step; exits 0 when every expectation held, 1 with the first that did not.
Needs Selenium and chromium-driver (Debian: python3-selenium, chromium-driver).
"""
import os, re, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def fail(message):
    print("FAILED: " + message)
    sys.exit(1)


def wait_until(driver, what, condition, seconds=30):
    """A click starts a navigation and returns before it ends: wait for the page asked for."""
    deadline = time.time() + seconds
    while not (condition() and driver.execute_script("return document.readyState") == "complete"):
        if time.time() > deadline:
            fail("the page did not come: " + what)
        time.sleep(0.1)


def main(base, besluiten, shots):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(base)
        status = driver.find_element(By.ID, "herberekening")
        first_check = int(status.get_attribute("data-check"))
        open_before = int(re.search(r"(\d+) open", status.text).group(1))
        print(f"overview: check {first_check}, {open_before} open")
        if shots:
            driver.save_screenshot(os.path.join(shots, "werkplaats-overzicht.png"))

        driver.find_element(By.LINK_TEXT, "Conflicten").click()
        wait_until(driver, "the conflicts", lambda: driver.current_url.endswith("/conflicten"))
        Select(driver.find_element(By.NAME, "status")).select_by_value("open")
        driver.find_element(By.CSS_SELECTOR, "form.filter button").click()
        wait_until(driver, "the open conflicts", lambda: "status=open" in driver.current_url)
        rows = driver.find_elements(By.CSS_SELECTOR, "tr[data-status='open']")
        if len(rows) != open_before:
            fail(f"the filter shows {len(rows)} open conflicts, the overview {open_before}")
        link = driver.find_element(By.CSS_SELECTOR, "a.conflict")
        conflict = link.text
        link.click()
        wait_until(driver, "the conflict page", lambda: driver.current_url.endswith("/conflict/" + conflict))
        print(f"conflict page: {conflict}")
        if not driver.find_elements(By.CSS_SELECTOR, "#zijden td.verschil"):
            fail("no differing value is marked on the conflict page")
        if shots:
            driver.save_screenshot(os.path.join(shots, "werkplaats-conflict.png"))

        driver.find_element(By.CSS_SELECTOR, "input[name='keuze']").click()
        reason = "Besloten in de werkplaats (end-to-end test)"
        driver.find_element(By.NAME, "waarom").send_keys(reason)
        driver.find_element(By.ID, "opslaan").click()
        deadline = time.time() + 30
        while "opgeslagen=1" not in driver.current_url or driver.execute_script("return document.readyState") != "complete":
            if time.time() > deadline:
                fail("saving did not come back to the conflict page: " + driver.find_element(By.TAG_NAME, "body").text[:500])
            time.sleep(0.1)
        print("decision saved")

        with open(besluiten, encoding="utf-8") as f:
            text = f.read()
        if f"{conflict}:\n" not in text or reason not in text:
            fail(f"besluiten.yml does not hold the decision on {conflict}")
        print("besluiten.yml holds it")

        deadline = time.time() + 120
        while True:
            driver.get(base)
            status = driver.find_element(By.ID, "herberekening")
            if status.get_attribute("data-status") == "klaar" and int(status.get_attribute("data-check")) > first_check:
                break
            if status.get_attribute("data-status") == "fout":
                fail("the check after the decision failed: " + status.text)
            if time.time() > deadline:
                fail("no check finished after the decision")
            time.sleep(0.3)
        open_after = int(re.search(r"(\d+) open", status.text).group(1))
        if open_after != open_before - 1:
            fail(f"{open_after} open conflicts after the decision, expected {open_before - 1}")
        closed = driver.find_element(By.ID, "laatste-besluit").text
        if conflict not in closed or "gesloten" not in closed:
            fail(f"the page does not say which conflict the decision closed: {closed}")
        driver.get(base + "conflicten?status=open")
        rows = driver.find_elements(By.CSS_SELECTOR, "tr[data-status='open']")
        if len(rows) != open_before - 1:
            fail(f"the conflicts page lists {len(rows)} open, expected {open_before - 1}")
        print(f"after the check: {open_after} open, {closed}")
        if shots:
            driver.get(base)
            driver.save_screenshot(os.path.join(shots, "werkplaats-na-besluit.png"))
        print("OK")
    finally:
        driver.quit()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
