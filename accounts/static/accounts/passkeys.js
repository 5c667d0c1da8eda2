// What django-otp-webauthn's scripts leave to the page: after a new passkey, show the list again;
// a passkey sign-in the browser gave up on (no key, no matching passkey, cancelled) is reported to
// the server, which writes it to the audit log. Addresses come from data- attributes.
(function () {
  "use strict";

  function config() {
    const element = document.getElementById("otp_webauthn_config");
    return element ? JSON.parse(element.textContent) : {};
  }

  document.addEventListener("otp_webauthn.register_complete", function () {
    const box = document.querySelector("[data-passkey-after]");
    window.location.assign(box ? box.dataset.passkeyAfter : window.location.href);
  });

  document.addEventListener("otp_webauthn.verification_failed", function (event) {
    const box = document.querySelector("[data-passkey-refused-url]");
    const error = event.detail && event.detail.error;
    if (!box || !error) {
      return; // an answer of the server: it has written it down itself
    }
    const body = new URLSearchParams({ reason: error.name || "" });
    fetch(box.dataset.passkeyRefusedUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": config().csrfToken || "" },
      body: body,
    });
  });
})();
