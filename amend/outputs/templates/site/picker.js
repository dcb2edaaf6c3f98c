(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("versions-data").textContent);
  var input = document.getElementById("in-force-on");
  var out = document.getElementById("in-force-result");
  function find(day) {
    for (var i = data.length - 1; i >= 0; i--) {
      if (data[i].from <= day && (!data[i].to || day <= data[i].to)) { return data[i]; }
    }
    return null;
  }
  function show() {
    var day = input.value;
    out.textContent = "";
    if (!day) { return; }
    var v = find(day);
    if (v) {
      var a = document.createElement("a");
      a.href = v.href;
      a.className = "in-force";
      a.textContent = v.label + " редакциясы";
      out.appendChild(a);
    } else if (data.length && day < data[0].from) {
      out.textContent = "Бұл күні жоспар әлі қабылданбаған немесе қолданысқа енгізілмеген.";
    } else {
      out.textContent = "Бұл күні жоспардың күші жойылған.";
    }
  }
  input.addEventListener("change", show);
  input.addEventListener("input", show);
  // "Not yet in force" depends on today, which a static build must not know: the browser says it.
  var today = new Date().toISOString().slice(0, 10);
  var rows = document.querySelectorAll("tr[data-from]");
  for (var k = 0; k < rows.length; k++) {
    if (rows[k].getAttribute("data-from") > today) {
      var badge = rows[k].querySelector(".badge");
      if (badge) { badge.textContent = "Әлі қолданысқа енгізілмеген"; badge.className = "badge future"; }
    }
  }
})();
