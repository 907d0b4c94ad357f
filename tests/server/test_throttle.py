"""Guessing passwords: after five wrong ones, the account waits (per address)."""

from __future__ import annotations

from checker.server.throttle import LoginThrottle
from tests.server.conftest import PASSWORD, Deployment, csrf_of


def test_five_wrong_passwords_make_that_account_wait_from_that_address() -> None:
    now = [1000.0]
    throttle = LoginThrottle(attempts=5, window=900, clock=lambda: now[0])
    for _ in range(4):
        throttle.failed("Kenya", "10.0.0.1")
    assert throttle.wait("kenya", "10.0.0.1") == 0
    throttle.failed("kenya", "10.0.0.1")
    assert throttle.wait("kenya", "10.0.0.1") == 900
    assert throttle.wait("kenya", "10.0.0.2") == 0  # another address
    assert throttle.wait("ethiopia", "10.0.0.1") == 0  # another account
    now[0] += 600
    assert throttle.wait("kenya", "10.0.0.1") == 300
    now[0] += 301
    assert throttle.wait("kenya", "10.0.0.1") == 0
    throttle.failed("kenya", "10.0.0.1")
    throttle.succeeded("kenya", "10.0.0.1")
    assert throttle._failures == {}


def test_the_login_page_says_to_wait_even_with_the_right_password(deployment: Deployment) -> None:
    browser = deployment.client
    csrf = csrf_of(browser.get("/login").text)
    for _ in range(5):
        wrong = browser.post("/login", data={"name": "kenya", "password": "guess", "csrf": csrf})
        assert wrong.status_code == 401
    blocked = browser.post("/login", data={"name": "kenya", "password": PASSWORD, "csrf": csrf})
    assert blocked.status_code == 429 and "Try again in 15 minutes" in blocked.text
    other = browser.post("/login", data={"name": "ethiopia", "password": PASSWORD, "csrf": csrf},
                         follow_redirects=False)  # fmt: skip
    assert other.status_code == 303
