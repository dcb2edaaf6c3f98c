(function () {
  "use strict";
  // A problem's or REVIEW place's link puts the editor's cursor on its line and column.
  var editor = document.getElementById("amendment");
  if (!editor) { return; }
  function offset(text, line, column) {
    var at = 0;
    for (var n = 1; n < line; n++) {
      var next = text.indexOf("\n", at);
      if (next < 0) { return text.length; }
      at = next + 1;
    }
    return Math.min(at + Math.max(column - 1, 0), text.length);
  }
  var links = document.querySelectorAll("a.place");
  for (var k = 0; k < links.length; k++) {
    links[k].addEventListener("click", function (event) {
      var line = parseInt(this.getAttribute("data-line"), 10);
      if (!line) { return; }
      event.preventDefault();
      var column = parseInt(this.getAttribute("data-column"), 10) || 1;
      var at = offset(editor.value, line, column);
      var end = editor.value.indexOf("\n", at);
      editor.focus();
      editor.setSelectionRange(at, end < 0 ? editor.value.length : end);
      var lineHeight = editor.scrollHeight / Math.max(editor.value.split("\n").length, 1);
      editor.scrollTop = Math.max(0, (line - 3) * lineHeight);
    });
  }
})();
