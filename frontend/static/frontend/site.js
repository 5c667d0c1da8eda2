/* Small additions where JavaScript runs; nothing here is needed to read, search or send a form. */
(function () {
  "use strict";

  // Search suggestions as you type, from this site's own suggestions address.
  function suggest(input) {
    var list = document.createElement("ul");
    var timer = null;
    var status = document.createElement("p");
    list.className = "suggestions";
    list.id = input.id + "-suggestions";
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.setAttribute("aria-controls", list.id);
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);
    function close() { list.hidden = true; list.textContent = ""; }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2) { close(); return; }
      timer = setTimeout(function () {
        fetch(input.dataset.suggest + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { items: [] }; })
          .then(function (data) {
            list.textContent = "";
            data.items.forEach(function (item) {
              var li = document.createElement("li");
              var a = document.createElement("a");
              a.href = item.url;
              a.textContent = item.title;
              li.appendChild(a);
              list.appendChild(li);
            });
            list.hidden = data.items.length === 0;
            status.textContent = data.items.length ? data.items.length + " ↓" : "";
          })
          .catch(close);
      }, 200);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { close(); }
      if (event.key === "ArrowDown" && !list.hidden) { event.preventDefault(); list.querySelector("a").focus(); }
    });
    list.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { close(); input.focus(); }
    });
  }

  // A video frame loaded only when the reader asks for it (without JavaScript, a link reloads the page with it).
  function videoLoader(link) {
    link.addEventListener("click", function (event) {
      var box = link.closest("[data-embed]");
      var frame = document.createElement("iframe");
      event.preventDefault();
      frame.src = box.dataset.embed + "?autoplay=1";
      frame.title = box.dataset.title;
      frame.allow = "autoplay; fullscreen; picture-in-picture";
      frame.allowFullscreen = true;
      box.textContent = "";
      box.appendChild(frame);
      frame.focus();
    });
  }

  // The reader's own time beside an event's time in its zone.
  function localTime(element) {
    var moment = new Date(element.getAttribute("datetime"));
    if (isNaN(moment)) { return; }
    var note = document.createElement("span");
    note.className = "meta";
    note.textContent = " · " + moment.toLocaleString(document.documentElement.lang, {
      dateStyle: "medium", timeStyle: "short", timeZoneName: "short"
    });
    element.parentNode.insertBefore(note, element.nextSibling);
  }

  // The newsletter form: the reader's time zone chosen for them when nothing is chosen yet.
  function chooseTimeZone(select) {
    var zone = "";
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (error) { return; }
    if (!select.value && select.querySelector('option[value="' + zone.replace(/"/g, "") + '"]')) { select.value = zone; }
  }

  document.querySelectorAll("input[data-suggest]").forEach(suggest);
  document.querySelectorAll("select[data-local-time-zone]").forEach(chooseTimeZone);
  document.querySelectorAll("[data-load-video]").forEach(videoLoader);
  document.querySelectorAll("time[data-local-time]").forEach(localTime);

  // A form sent back with errors: the summary takes the focus, so that it is read first.
  var notice = document.getElementById("form-notice");
  if (notice) { notice.focus(); }
})();
