// Progressive enhancement: a button that copies the "Căn cứ" block; without JavaScript the text area is there to select.
(function () {
  'use strict';
  var area = document.getElementById('copy');
  if (!area || !navigator.clipboard) { return; }
  var button = document.createElement('button');
  button.type = 'button';
  button.className = 'secondary';
  button.textContent = 'Sao chép';
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(area.value).then(function () { button.textContent = 'Đã sao chép'; });
  });
  area.parentNode.insertBefore(button, area.nextSibling);
}());
