// The upload page's progressive part: drag-and-drop, the size limit before sending, and
// mission, period and profile filled in from what the file says (POST /detect). The form
// works without it: blank mission and period are read from the file by the server.
(function () {
  var form = document.getElementById("upload"), drop = document.getElementById("drop");
  var input = document.getElementById("file"), note = document.getElementById("detected");
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, key) { return values[key] == null ? "—" : values[key]; });
  }
  var button = document.getElementById("submit");
  function detect() {
    if (!input.files || !input.files.length) return;
    // Refused here rather than by the server, which closes the connection on a file too large.
    var tooLarge = input.files[0].size > Number(form.dataset.maxBytes);
    button.disabled = tooLarge;
    if (tooLarge) { note.textContent = form.dataset.tooLarge; note.className = "message"; return; }
    note.className = "muted";
    var data = new FormData();
    data.append("file", input.files[0]);
    data.append("csrf", form.elements.csrf.value);
    fetch("/detect", {method: "POST", body: data, credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (found) {
        if (!found) return;
        if (found.mission && !form.elements.mission.value) form.elements.mission.value = found.mission;
        if (found.period && !form.elements.period.value) form.elements.period.value = found.period;
        var text = fill(note.dataset.detected, found) + " " +
          (found.profile ? fill(note.dataset.profile, found) : note.dataset.noProfile);
        note.textContent = text;
      }).catch(function () {});
  }
  input.addEventListener("change", detect);
  ["dragenter", "dragover"].forEach(function (kind) {
    drop.addEventListener(kind, function (e) { e.preventDefault(); drop.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (kind) {
    drop.addEventListener(kind, function (e) { e.preventDefault(); drop.classList.remove("over"); });
  });
  drop.addEventListener("drop", function (e) {
    if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; detect(); }
  });
  form.addEventListener("submit", function () { button.textContent = button.dataset.busy; });
})();
